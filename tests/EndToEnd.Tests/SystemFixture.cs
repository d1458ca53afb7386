using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Testing;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>The whole system as separate processes: Azurite, one silo with the seeds, one gateway in Development.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    /// <summary>The password of the seeded staff accounts, given to the silo as run.sh gives it.</summary>
    public const string DemoPassword = "gongzhi-demo-2026";

    private readonly int _siloPort = FreePorts.Next();
    private readonly int _gatewayPort = FreePorts.Next();
    private readonly int _httpPort = FreePorts.Next();
    private readonly int _siloManagementPort = FreePorts.Next();
    private readonly int _gatewayManagementPort = FreePorts.Next();
    private readonly string _clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];

    public AzuriteProcess Azurite { get; private set; } = null!;

    public ServiceProcess Silo { get; private set; } = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    public Uri BaseAddress => new($"http://127.0.0.1:{_httpPort}");

    /// <summary>The silo's management port: health, metrics, the Orleans Dashboard.</summary>
    public Uri SiloManagementAddress => new($"http://127.0.0.1:{_siloManagementPort}");

    /// <summary>The gateway's management port: metrics.</summary>
    public Uri GatewayManagementAddress => new($"http://127.0.0.1:{_gatewayManagementPort}");

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The OTLP collector both processes export their traces to.</summary>
    public OtlpReceiver Traces { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Traces = await OtlpReceiver.StartAsync();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Silo = StartSilo();
        Gateway = ServiceProcess.Start("Gateway", new Dictionary<string, string>(Traces.Environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
            ["Management__Urls"] = GatewayManagementAddress.ToString(),
            ["Ops__OrleansDashboard"] = new Uri(SiloManagementAddress, "dashboard").ToString(),
            ["ConnectionStrings__Storage"] = Azurite.ConnectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Gateway__TrackingKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            // Tests poll faster than people; tests/Gateway.Tests covers the limits.
            ["RateLimits__Enabled"] = "false",
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
            await Traces.DisposeAsync();
            await Azurite.DisposeAsync();
        }
    }

    /// <summary>Kills the silo as a crash would; returns the health status the gateway then reports.</summary>
    public async Task<HttpStatusCode> CrashSiloAsync()
    {
        await Silo.KillAsync();
        return (await Eventually.GetAsync(() => Http.GetAsync("/healthz"), r => r.StatusCode != HttpStatusCode.OK, "the gateway notices the silo is gone",
            r => $"{r.StatusCode}", TimeSpan.FromSeconds(30))).StatusCode;
    }

    /// <summary>Starts a new silo on the same ports and storage and waits for the system to be healthy.</summary>
    public async Task RestartSiloAsync()
    {
        await Silo.DisposeAsync();
        Silo = StartSilo();
        await WaitHealthyAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Awaits <paramref name="wait"/>; when it gives up, the failure says what was awaited and carries the silo's and the gateway's last lines.</summary>
    public async Task<T> WithLogsAsync<T>(Task<T> wait, string what)
    {
        try
        {
            return await wait;
        }
        catch (OperationCanceledException ex)
        {
            throw new TimeoutException($"{what}\n--- silo ---\n{Silo.Tail}\n--- gateway ---\n{Gateway.Tail}", ex);
        }
    }

    public async Task WaitHealthyAsync(TimeSpan? within = null)
    {
        try
        {
            await Eventually.GetAsync(async () => Gateway.HasExited ? null : await Http.GetAsync("/healthz"),
                r => r is null || r.StatusCode == HttpStatusCode.OK, "the system is healthy", r => $"{r?.StatusCode}", within ?? TimeSpan.FromSeconds(90));
            // The silo opens its management port only once its start-up work, the seeds and their staff accounts
            // included, is done; the gateway is healthy as soon as it reaches the cluster, before a sign-in can work.
            await Eventually.GetAsync(async () => Silo.HasExited ? null : await Http.GetAsync(new Uri(SiloManagementAddress, "healthz/ready")),
                r => r is null || r.StatusCode == HttpStatusCode.OK, "the silo is ready (seeded)", r => $"{r?.StatusCode}", within ?? TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n--- silo ---\n{Silo.Tail}\n--- gateway ---\n{Gateway.Tail}", ex);
        }

        if (Gateway.HasExited)
        {
            throw new InvalidOperationException($"The gateway exited.\n--- silo ---\n{Silo.Tail}\n--- gateway ---\n{Gateway.Tail}");
        }
    }

    /// <summary>Signs in as the seeded account <paramref name="subject"/> through the sign-in route, as a page does; the account must have this role and scope.</summary>
    public async Task<string> TokenAsync(string role, string subject, string scope)
    {
        // Right after a silo restart the gateway may still answer 503 with Retry-After (CI saw it once the board had
        // already heard the restarted silo); a member of staff signs in again then, and so does this, as told.
        var response = await SignInAsync(subject);
        for (var attempt = 1; response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 6; attempt++)
        {
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            response = await SignInAsync(subject);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {subject} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n--- silo ---\n{Silo.Tail}\n--- gateway ---\n{Gateway.Tail}");
        }

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if ((body["role"]!.GetValue<string>(), body["scope"]!.GetValue<string>()) != (role, scope))
        {
            throw new InvalidOperationException($"The seeded account {subject} is not {role} of {scope}.");
        }

        return body["token"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SignInAsync(string subject) =>
        Http.PostAsJsonAsync("/api/v1/auth/login", new { username = subject, password = DemoPassword });

    public async Task<HttpClient> StaffAsync(string role, string subject, string scope)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, subject, scope));
        return client;
    }

    private ServiceProcess StartSilo() => ServiceProcess.Start("Silo", new Dictionary<string, string>(Traces.Environment)
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Storage"] = Azurite.ConnectionString,
        ["Orleans__ClusterId"] = _clusterId,
        ["Orleans__SiloPort"] = $"{_siloPort}",
        ["Orleans__GatewayPort"] = $"{_gatewayPort}",
        ["Management__Urls"] = SiloManagementAddress.ToString(),
        ["Seeds__Path"] = RepoPaths.Seeds,
        ["Seeds__DemoPassword"] = DemoPassword,
    });
}
