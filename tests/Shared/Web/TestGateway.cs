using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Testing;

/// <summary>What tests of an in-process gateway share: demo tokens, and SignalR clients through the test server.</summary>
public static class TestGateway
{
    /// <summary>A signed staff token of no session from the dev-token route (the gateway must run with <c>Auth:DevTokens</c> on).</summary>
    public static async Task<string> TokenAsync(WebApplicationFactory<Program> gateway, string role, string subject, string scope)
    {
        var response = await gateway.CreateClient().PostAsJsonAsync("/api/v1/dev/token", new { role, subject, scope });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    /// <summary>A SignalR client for the gateway's hub over the test server (long polling), not yet started.</summary>
    public static HubConnection Hub(WebApplicationFactory<Program> gateway, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(gateway.Server.BaseAddress, "hubs/dispatch"), o =>
            {
                o.HttpMessageHandlerFactory = _ => gateway.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
}
