using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>Staff accounts of their own for sign-in tests, made through Identity's <c>UserManager</c> as an admin would.</summary>
internal static class StaffAccounts
{
    public const string Password = "correct-horse-battery";

    public static string NewUsername(string prefix = "staff") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public static async Task<string> CreateAsync(WebApplicationFactory<Program> gateway, string role = "dispatcher", string scope = "ximen", string? username = null)
    {
        username ??= NewUsername();
        await UsersAsync(gateway, async users =>
        {
            var result = await users.CreateAsync(new StaffUser { Username = username, DisplayName = "测试 " + username, Role = role, Scope = scope }, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        });
        return username;
    }

    /// <summary>Runs <paramref name="work"/> on the gateway's Identity user manager, in a scope of its own.</summary>
    public static async Task UsersAsync(WebApplicationFactory<Program> gateway, Func<UserManager<StaffUser>, Task> work)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string username, string password = Password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });

    /// <summary>Signs in and answers the token.</summary>
    public static async Task<string> TokenAsync(WebApplicationFactory<Program> gateway, string username, string password = Password)
    {
        var response = await SignInAsync(gateway.CreateClient(), username, password);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    public static HttpClient Bearer(this WebApplicationFactory<Program> gateway, string token)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())?["code"]?.GetValue<string>();
}
