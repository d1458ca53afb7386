using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Gongzhi.Testing;

namespace Gongzhi.Bench;

/// <summary>Azurite (one process per service, see <see cref="StartAzuriteAsync"/>), one silo and one gateway, started as run.sh starts them but in Release (or <see cref="Configuration"/>), on free ports, with a generated world.</summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<(string Name, int Pid)> _started = [];

    public required string Root { get; init; }

    public required string WorkDir { get; init; }

    public required BenchWorld World { get; init; }

    /// <summary>The build of src/Silo and src/Gateway that runs (<see cref="Options.Configuration"/>).</summary>
    public string Configuration { get; init; } = "Release";

    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether the silo reads the intake queue; off for s5, which audits the queue instead.</summary>
    public bool IntakeWorker { get; init; } = true;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Extra environment for the silo only (scenario settings such as s4's grain collection age).</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment { get; init; } = new Dictionary<string, string>();

    public int[] AzuritePids { get; private set; } = [];

    public int SiloPid { get; private set; }

    public int GatewayPid { get; private set; }

    public static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gongzhi.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the bench from inside the Gongzhi repository.");
    }

    /// <summary>Azurite's connection string for the given blob/queue/table ports.</summary>
    public static string StorageConnection(int blob, int queue, int table) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    public static async Task<string> RunToEndAsync(string file, string args, string? cwd = null)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd ?? Environment.CurrentDirectory };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}):\n{await stdout}\n{await stderr}");
        }
        return (await stdout).Trim();
    }

    /// <summary>
    /// Installs the npm packages (Azurite, Chart.js for the report) when the lock file changed since the
    /// last install, as <c>ensure_npm</c> in scripts/lib.sh does for run.sh, so the bench runs on a fresh clone.
    /// </summary>
    public static async Task EnsureNpmAsync(string root)
    {
        var installed = Path.Combine(root, "node_modules", ".package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(root, "package-lock.json")))
        {
            return;
        }
        Console.WriteLine("==> npm ci");
        await RunToEndAsync("npm", "ci --no-audit --no-fund --loglevel=error", root);
    }

    public async Task BuildAsync()
    {
        Console.WriteLine($"==> building src/Silo and src/Gateway ({Configuration})");
        foreach (var project in new[] { "src/Silo/Gongzhi.Silo.csproj", "src/Gateway/Gongzhi.Gateway.csproj" })
        {
            await RunToEndAsync("dotnet", $"build {project} -c {Configuration} -nologo -v quiet -clp:ErrorsOnly", Root);
        }
    }

    /// <summary>
    /// Starts Azurite on free ports, one process per service, and returns the connection string and the PIDs.
    /// Tables and blobs are kept in memory, queues on disk in the run's folder. Azurite's other modes each stall
    /// under this load: in memory its queue keeps one extent per message and its queue GC, every 60 s, then
    /// blocks the emulator for seconds to minutes (52 s after 6,000 queue cycles here); on disk its tables
    /// re-serialise the whole table database every 5 s, which grows with every case. One process per service
    /// also lets the three use both cores instead of one.
    /// </summary>
    public async Task<(string ConnectionString, int[] Pids)> StartAzuriteAsync(string name, CancellationToken ct)
    {
        var dist = Path.Combine(Root, "node_modules", "azurite", "dist", "src");
        if (!File.Exists(Path.Combine(dist, "azurite.js")))
        {
            throw new InvalidOperationException($"Azurite is not installed in {dist}; run `npm ci` first.");
        }

        int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
        var connection = StorageConnection(blob, queue, table);
        var queueData = Path.Combine(WorkDir, name + "-queue-data");
        Console.WriteLine($"==> {name}: Azurite blob {blob} and table {table} in memory, queue {queue} with data in {queueData}");
        const string common = "--silent --disableTelemetry --skipApiVersionCheck";
        int[] pids =
        [
            Spawn(name + "-blob", "node", $"{Q(Path.Combine(dist, "blob", "main.js"))} {common} --inMemoryPersistence --blobHost 127.0.0.1 --blobPort {blob}", Root, []),
            Spawn(name + "-queue", "node", $"{Q(Path.Combine(dist, "queue", "main.js"))} {common} --location {Q(queueData)} --queueHost 127.0.0.1 --queuePort {queue}", Root, []),
            Spawn(name + "-table", "node", $"{Q(Path.Combine(dist, "table", "main.js"))} {common} --inMemoryPersistence --tableHost 127.0.0.1 --tablePort {table}", Root, []),
        ];
        foreach (var port in new[] { blob, queue, table })
        {
            await WaitPortAsync(port, TimeSpan.FromSeconds(60), ct);
        }
        return (connection, pids);
    }

    public async Task StartAsync(CancellationToken ct)
    {
        (ConnectionString, AzuritePids) = await StartAzuriteAsync("azurite", ct);

        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        int siloPort = FreePorts.Next(), gatewayPort = FreePorts.Next(), httpPort = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Dictionary<string, string> common = new()
        {
            ["ConnectionStrings__Storage"] = ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            // The bench mints its staff tokens from the dev-token route (loopback only, behind this switch).
            ["Auth__DevTokens"] = "true",
            ["Orleans__ClusterId"] = cluster,
            // Both log their storage requests every second; the report turns them into work per case.
            ["Storage__RequestLogPeriod"] = "00:00:01",
        };
        Console.WriteLine($"==> silo (seeds: {World.SeedsPath})");
        Dictionary<string, string> siloEnv = new(common)
        {
            ["Orleans__SiloPort"] = $"{siloPort}",
            ["Orleans__GatewayPort"] = $"{gatewayPort}",
            ["Management__Urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
            ["Seeds__Path"] = World.SeedsPath,
            ["Intake__Enabled"] = IntakeWorker ? "true" : "false",
        };
        foreach (var (k, v) in SiloEnvironment)
        {
            siloEnv[k] = v;
        }
        SiloPid = Spawn("silo", "dotnet", $"bin/{Configuration}/net10.0/Gongzhi.Silo.dll", Path.Combine(Root, "src", "Silo"), siloEnv);
        Console.WriteLine($"==> gateway on {BaseAddress}");
        GatewayPid = Spawn("gateway", "dotnet", $"bin/{Configuration}/net10.0/Gongzhi.Gateway.dll", Path.Combine(Root, "src", "Gateway"), new(common)
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["Management__Urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
            // This run's own keys; the load comes from one address, so no rate limit applies.
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Gateway__TrackingKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["RateLimits__Enabled"] = "false",
        });
        await WaitHealthyAsync(ct);
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        Console.Write("==> waiting for /healthz and the seeded rosters ");
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await PollUntilReadyAsync(TimeSpan.FromSeconds(180), async () =>
        {
            foreach (var (name, pid) in _started)
            {
                if (!Alive(pid))
                {
                    throw new InvalidOperationException($"{name} exited; see {Path.Combine(WorkDir, name + ".log")}");
                }
            }

            return (await http.GetAsync("/healthz", ct)).StatusCode == HttpStatusCode.OK && await RostersReadyAsync(http, ct);
        }, ct);
    }

    /// <summary>Asks <paramref name="ready"/> every second, a dot each time, until it holds; a request that fails or times out counts as not yet.</summary>
    public async Task PollUntilReadyAsync(TimeSpan limit, Func<Task<bool>> ready, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await ready())
                {
                    Console.WriteLine(" ready");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            Console.Write('.');
            await Task.Delay(1000, ct);
        }
        throw new TimeoutException($"The system did not become healthy; see {WorkDir}/*.log");
    }

    /// <summary>Every generated community answers its roster with all its cadres on duty.</summary>
    private Task<bool> RostersReadyAsync(HttpClient http, CancellationToken ct) => RostersReadyAsync(http, World, ct);

    /// <summary>Every community of <paramref name="world"/> answers its roster, through <paramref name="http"/>'s gateway, with all its cadres on duty.</summary>
    public static async Task<bool> RostersReadyAsync(HttpClient http, BenchWorld world, CancellationToken ct)
    {
        foreach (var community in world.Communities)
        {
            var token = await TokenAsync(http, "dispatcher", community.Id + "-dispatcher", community.Id, ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/communities/{community.Id}/roster");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            var roster = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsArray();
            if (roster.Count(c => c!["onDuty"]!.GetValue<bool>()) < community.CadreIds.Count)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A SignalR connection to the dispatch hub as the bench's listeners open it: WebSockets straight away, patient server timeout.</summary>
    public static HubConnection Hub(Uri baseAddress, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/dispatch"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        return connection;
    }

    public static async Task<string> TokenAsync(HttpClient http, string role, string subject, string scope, CancellationToken ct)
    {
        using var response = await http.PostAsync("/api/v1/dev/token",
            new StringContent(JsonSerializer.Serialize(new { role, subject, scope }), System.Text.Encoding.UTF8, "application/json"), ct);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["token"]!.GetValue<string>();
    }

    /// <summary>Starts a process it will stop at the end, its output appended to WorkDir/name.log (a restarted process keeps one log).</summary>
    public int Spawn(string name, string file, string args, string cwd, Dictionary<string, string> env)
    {
        // Through sh so the output goes straight to a log file; exec keeps the PID that of the process itself.
        var log = Path.Combine(WorkDir, name + ".log");
        var psi = new ProcessStartInfo("/bin/sh", ["-c", $"exec {file} {args} >>{Q(log)} 2>&1"]) { WorkingDirectory = cwd, UseShellExecute = false };
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }
        using var p = Process.Start(psi)!;
        _started.Add((name, p.Id));
        return p.Id;
    }

    public static string Q(string s) => "'" + s.Replace("'", "'\\''") + "'";

    public static async Task WaitPortAsync(int port, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    public static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // plain DllImport keeps this free of unsafe code
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054

    /// <summary>SIGKILL to one process it started (the chaos run), then waits until it is gone; it stays listed, so a later stop is a no-op.</summary>
    public async Task KillAsync(int pid)
    {
        if (!_started.Any(p => p.Pid == pid))
        {
            throw new InvalidOperationException($"{pid} was not started here");
        }
        _ = kill(pid, 9);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Alive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Whether a process it started is still running (false once it exited or was killed).</summary>
    public bool Running(int pid) => _started.Any(p => p.Pid == pid) && Alive(pid);

    /// <summary>Stops what it started, newest first: TERM, 10 s of grace, then KILL (Azurite ignores TERM at times).</summary>
    /// <summary>Untracked open-loop load before the measured run (JIT, connection pools, grains), until every request is answered.</summary>
    public async Task<(long Accepted, long Failed)> WarmUpAsync(string stamp, double rate, int seconds, CancellationToken ct)
    {
        using var warm = new Driver(BaseAddress, World, stamp + "-warmup");
        await warm.OpenLoopAsync(rate, seconds, new Series(seconds + 40), track: false, ct);
        while (warm.InFlight > 0)
        {
            await Task.Delay(100, ct);
        }
        return (warm.Accepted, warm.Failed);
    }

    /// <summary>
    /// Runs a scenario against this system and stops the system after it, whatever happens. The exit code is
    /// the scenario's, 130 when the run was cancelled, 1 when the bench itself failed.
    /// </summary>
    public async Task<int> RunAsync(Func<Task<int>> scenario, CancellationToken ct)
    {
        try
        {
            return await scenario();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"bench failed: {e}");
            return 1;
        }
        finally
        {
            Console.WriteLine("==> stopping gateway, silo, Azurite");
            await DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await StopAsync(_started[i].Pid);
        }
        _started.Clear();
    }

    /// <summary>Keeps the system up for <paramref name="seconds"/> after a run's last measurement (<c>--hold</c>), printing what to attach to.</summary>
    public async Task HoldAsync(int seconds, CancellationToken ct)
    {
        if (seconds <= 0)
        {
            return;
        }

        Console.WriteLine($"==> holding the system {seconds} s (silo PID {SiloPid}, gateway PID {GatewayPid}) for dotnet-gcdump / dotnet-counters / a /metrics scrape");
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
    }

    /// <summary>Stops one process it started: TERM, 10 s of grace, then KILL (Azurite ignores TERM at times).</summary>
    public async Task StopAsync(int pid)
    {
        var name = _started.FirstOrDefault(p => p.Pid == pid).Name ?? "?";
        if (Alive(pid))
        {
            _ = kill(pid, 15);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Alive(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            if (Alive(pid))
            {
                Console.WriteLine($"    {name} ignored TERM; killing {pid}");
                _ = kill(pid, 9);
            }
            try
            {
                using var p = Process.GetProcessById(pid);
                await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException)
            {
            }
        }
        _started.RemoveAll(p => p.Pid == pid);
    }
}
