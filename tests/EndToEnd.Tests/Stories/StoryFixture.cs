using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Silo.Extensions;
using Gongzhi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;

namespace Gongzhi.EndToEnd.Tests.Stories;

/// <summary>
/// The article's stories need days to pass, so one <see cref="FakeTimeProvider"/> drives the silo (grains,
/// reminders read it; the gateway and the silo's liveness clock keep real time) while the real components stay real: Azurite for queue, tables, reminders and blobs,
/// the seeded Wenshang world, the gateway over HTTP and SignalR. Reminders tick every second of real time
/// and check the fake clock, so a test advances the clock and awaits the push that follows.
/// </summary>
public sealed class StoryFixture : IAsyncLifetime
{
    private readonly string _clusterId = "story-" + Guid.NewGuid().ToString("N")[..8];
    private IHost _silo = null!;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public AzuriteProcess Azurite { get; private set; } = null!;

    public WebApplicationFactory<Program> Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = Azurite.ConnectionString,
            ["Orleans:ClusterId"] = _clusterId,
            ["Orleans:SiloPort"] = $"{FreePorts.Next()}",
            ["Orleans:GatewayPort"] = $"{FreePorts.Next()}",
            ["Seeds:Path"] = RepoPaths.Seeds,
            ["Intake:IdleDelay"] = "00:00:00.050",
            ["Deadlines:CheckPeriod"] = "00:00:00.200",
        });
        builder.Services.AddKeyedSingleton<TimeProvider>(Clocks.Domain, Time);
        builder.AddGongzhiSilo();
        builder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        _silo = builder.Build();
        await _silo.StartAsync();

        Gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Storage", Azurite.ConnectionString);
            web.UseSetting("Orleans:ClusterId", _clusterId);
            web.UseSetting("Auth:DevTokens", "true");
        });
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Gateway.DisposeAsync();
            await _silo.StopAsync();
            _silo.Dispose();
        }
        finally
        {
            await Azurite.DisposeAsync();
        }
    }

    public HttpClient Resident() => Gateway.CreateClient();

    public async Task<HttpClient> StaffAsync(string role, string subject, string scope)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, subject, scope));
        return client;
    }

    public Task<string> TokenAsync(string role, string subject, string scope) => TestGateway.TokenAsync(Gateway, role, subject, scope);

    /// <summary>A real SignalR client on the gateway, recording <c>caseUpdated</c> and <c>invitation</c> messages.</summary>
    public async Task<StoryListener> ListenAsync(string? token = null)
    {
        var connection = TestGateway.Hub(Gateway, token);
        var listener = new StoryListener(connection);
        await connection.StartAsync();
        return listener;
    }
}
