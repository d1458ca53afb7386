using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Testing;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>The whole system as separate processes: Azurite, one silo with the seeds, one gateway in Development.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly int _siloPort = FreePorts.Next();
    private readonly int _gatewayPort = FreePorts.Next();
    private readonly int _httpPort = FreePorts.Next();
    private readonly string _clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];

    public AzuriteProcess Azurite { get; private set; } = null!;

    public ServiceProcess Silo { get; private set; } = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    public Uri BaseAddress => new($"http://127.0.0.1:{_httpPort}");

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Silo = StartSilo();
        Gateway = ServiceProcess.Start("Gateway", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
            ["ConnectionStrings__Storage"] = Azurite.ConnectionString,
            ["Orleans__ClusterId"] = _clusterId,
        });
        await WaitHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await Gateway.DisposeAsync();
            await Silo.DisposeAsync();
        }
        finally
        {
            await Azurite.DisposeAsync();
        }
    }

    /// <summary>Kills the silo as a crash would; returns the health status the gateway then reports.</summary>
    public async Task<HttpStatusCode> CrashSiloAsync()
    {
        await Silo.KillAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await Http.GetAsync("/healthz")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(PollInterval);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }

    /// <summary>Starts a new silo on the same ports and storage and waits for the system to be healthy.</summary>
    public async Task RestartSiloAsync()
    {
        await Silo.DisposeAsync();
        Silo = StartSilo();
        await WaitHealthyAsync(TimeSpan.FromSeconds(120));
    }

    public async Task WaitHealthyAsync(TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (Gateway.HasExited)
            {
                break;
            }

            try
            {
                if ((await Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"The system did not become healthy.\n--- silo ---\n{Silo.Tail}\n--- gateway ---\n{Gateway.Tail}");
    }

    public async Task<string> TokenAsync(string role, string subject, string scope)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/dev/token", new { role, subject, scope });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    public async Task<HttpClient> StaffAsync(string role, string subject, string scope)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, subject, scope));
        return client;
    }

    private ServiceProcess StartSilo() => ServiceProcess.Start("Silo", new Dictionary<string, string>
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Storage"] = Azurite.ConnectionString,
        ["Orleans__ClusterId"] = _clusterId,
        ["Orleans__SiloPort"] = $"{_siloPort}",
        ["Orleans__GatewayPort"] = $"{_gatewayPort}",
        ["Seeds__Path"] = RepoPaths.Seeds,
    });
}
