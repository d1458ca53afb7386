using Gongzhi.Intake;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Seeding;
using Gongzhi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Azurite, a real silo in-process (Azure Table clustering, the seeds, the intake worker) and two
/// gateways through WebApplicationFactory: <see cref="Flow"/> writes to the queue the silo reads;
/// <see cref="Quiet"/> writes to a queue nobody reads, so tests can see exactly what was enqueued.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    /// <summary>The password of the seeded staff accounts (<c>seeds/staff.json</c>).</summary>
    public const string DemoPassword = "gongzhi-demo-2026";

    private readonly string _clusterId = "gw-tests-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _seeds = RoomySeeds();
    private IHost _silo = null!;

    public AzuriteProcess Azurite { get; private set; } = null!;

    public WebApplicationFactory<Program> Flow { get; private set; } = null!;

    public WebApplicationFactory<Program> Quiet { get; private set; } = null!;

    public string QuietQueueName { get; } = "quiet-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>This fixture's own keys: no key of the repository signs a test's token.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public string TrackingKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>The in-process silo's grains, for tests that feed the cluster directly (e.g. case facts to the metrics).</summary>
    public IGrainFactory Grains => _silo.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Loads the seeds in <paramref name="path"/> into the running silo, as a silo (re)starting with them does.</summary>
    public Task LoadSeedsAsync(string path)
    {
        var loader = _silo.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "SeedLoader").GetType();
        var again = (IHostedService)ActivatorUtilities.CreateInstance(_silo.Services, loader, Options.Create(new SeedOptions { Path = path }));
        return again.StartAsync(CancellationToken.None);
    }

    /// <summary>Where the quiet gateway puts every submission: the batched queue beside its intake queue.</summary>
    public QueueClient QuietQueue => new QueueServiceClient(Azurite.ConnectionString).GetQueueClient(IntakeMessage.BatchedQueueOf(QuietQueueName));

    /// <summary>The quiet gateway's intake queue, which gets only messages of its version moved back from the poison queue.</summary>
    public QueueClient QuietPerCaseQueue => new QueueServiceClient(Azurite.ConnectionString).GetQueueClient(QuietQueueName);

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
            ["Seeds:Path"] = _seeds,
            ["Seeds:DemoPassword"] = DemoPassword,
            ["Intake:IdleDelay"] = "00:00:00.050",
        });
        builder.AddGongzhiSilo();
        _silo = builder.Build();
        await _silo.StartAsync();

        Flow = Gateway("intake");
        Quiet = Gateway(QuietQueueName);
        await QuietQueue.CreateIfNotExistsAsync();
        await QuietPerCaseQueue.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Flow.DisposeAsync();
            await Quiet.DisposeAsync();
            await _silo.StopAsync();
            _silo.Dispose();
        }
        finally
        {
            await Azurite.DisposeAsync();
            Directory.Delete(_seeds, recursive: true);
        }
    }

    /// <summary>
    /// The repository's seeds with room for every test's cases: the whole suite shares Ximen's on-duty cadres, and at the
    /// seeded 8 open cases each, the cases of the tests that ran last waited for a cadre instead of being assigned.
    /// </summary>
    private static string RoomySeeds()
    {
        var seeds = Path.Combine(Path.GetTempPath(), "gongzhi-gateway-seeds-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(seeds, "communities"));
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.json"))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Seeds, "communities"), "*.json"))
        {
            var community = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            foreach (var cadre in community["cadres"]!.AsArray())
            {
                cadre!["maxOpenCases"] = 100; // the most an admin may set (AdminInput.MaxOpenCasesLimit)
            }

            File.WriteAllText(Path.Combine(seeds, "communities", Path.GetFileName(file)), community.ToJsonString());
        }

        return seeds;
    }

    /// <summary>A gateway on the test cluster in the given environment, writing submissions to the given queue; dev tokens on unless said otherwise.</summary>
    public WebApplicationFactory<Program> Gateway(string queueName, string environment = "Development", bool devTokens = true) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("ConnectionStrings:Storage", Azurite.ConnectionString);
            web.UseSetting("Orleans:ClusterId", _clusterId);
            web.UseSetting("Gateway:IntakeQueueName", queueName);
            web.UseSetting("Gateway:TrackingKey", TrackingKey);
            web.UseSetting("Auth:SigningKey", SigningKey);
            // Tests fire requests faster than people; RateLimitTests turns the limits on with small windows.
            web.UseSetting("RateLimits:Enabled", "false");
            web.UseSetting("Auth:DevTokens", devTokens ? "true" : "false");
        });

    /// <summary>An HTTP client of the flowing gateway carrying a dev token for the given staff member.</summary>
    public async Task<HttpClient> StaffAsync(string role, string subject, string scope)
    {
        var client = Flow.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, subject, scope));
        return client;
    }

    public Task<string> TokenAsync(string role, string subject, string scope) => TestGateway.TokenAsync(Flow, role, subject, scope);

    /// <summary>A SignalR client connected to the flowing gateway's hub through the test server.</summary>
    public async Task<HubConnection> HubAsync(string? token = null)
    {
        var connection = TestGateway.Hub(Flow, token);
        await connection.StartAsync();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
