using System.Net;
using Gongzhi.Testing;

namespace Gongzhi.Bench;

/// <summary>
/// The chaos run's system: one Azurite (one process, all data on disk in the run's folder, so it keeps its data
/// across its own kills), N silos and M gateways (Release), each on fixed free ports so a restarted process comes
/// back where it was. Processes are started and stopped through <see cref="SystemUnderTest"/>.
/// </summary>
public sealed class ChaosCluster(SystemUnderTest sut, BenchWorld world, int silos, int gateways)
{
    private readonly int _blob = FreePorts.Next(), _queue = FreePorts.Next(), _table = FreePorts.Next();
    private readonly int[] _siloPorts = Enumerable.Range(0, silos).Select(_ => FreePorts.Next()).ToArray();
    private readonly int[] _siloGatewayPorts = Enumerable.Range(0, silos).Select(_ => FreePorts.Next()).ToArray();
    private readonly string _clusterId = "chaos-" + Guid.NewGuid().ToString("N")[..8];

    // One set of keys for every gateway of the run: a token or tracking link from one must work on the other.
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    private readonly string _trackingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private readonly Dictionary<string, int> _pids = [];

    public Uri[] Gateways { get; } = Enumerable.Range(0, gateways).Select(_ => new Uri($"http://127.0.0.1:{FreePorts.Next()}")).ToArray();

    public string ConnectionString => SystemUnderTest.StorageConnection(_blob, _queue, _table);

    public string AzuriteData => Path.Combine(sut.WorkDir, "azurite-data");

    /// <summary>Process names: azurite, silo-1 … silo-N, gateway-1 … gateway-M.</summary>
    public IEnumerable<string> Names => new[] { "azurite" }.Concat(Enumerable.Range(1, silos).Select(i => $"silo-{i}")).Concat(Enumerable.Range(1, gateways).Select(j => $"gateway-{j}"));

    public int Pid(string name) => _pids[name];

    public async Task StartAllAsync(CancellationToken ct)
    {
        foreach (var name in Names)
        {
            await StartAsync(name, ct);
        }
        await WaitHealthyAsync(TimeSpan.FromSeconds(240), ct);
    }

    /// <summary>Starts one process by name and waits until it listens (silo: its silo port; gateway: its HTTP port).</summary>
    public async Task StartAsync(string name, CancellationToken ct)
    {
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__Storage"] = ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Auth__DevTokens"] = "true",
            ["Orleans__ClusterId"] = _clusterId,
        };
        int pid, port;
        if (name == "azurite")
        {
            var azurite = Path.Combine(sut.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
            if (!File.Exists(azurite))
            {
                throw new InvalidOperationException($"Azurite is not installed ({azurite}); run `npm ci` first.");
            }
            pid = sut.Spawn(name, "node", $"{SystemUnderTest.Q(azurite)} --silent --disableTelemetry --skipApiVersionCheck --location {SystemUnderTest.Q(AzuriteData)} " +
                $"--blobHost 127.0.0.1 --blobPort {_blob} --queueHost 127.0.0.1 --queuePort {_queue} --tableHost 127.0.0.1 --tablePort {_table}", sut.Root, []);
            port = _table;
        }
        else if (name.StartsWith("silo-", StringComparison.Ordinal))
        {
            var i = int.Parse(name[5..], System.Globalization.CultureInfo.InvariantCulture) - 1;
            var env = new Dictionary<string, string>(common)
            {
                ["Orleans__SiloPort"] = $"{_siloPorts[i]}",
                ["Orleans__GatewayPort"] = $"{_siloGatewayPorts[i]}",
                ["Management__Urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
            };
            if (i == 0)
            {
                env["Seeds__Path"] = world.SeedsPath; // the first silo only, as scripts/cluster.sh does
            }
            pid = sut.Spawn(name, "dotnet", "bin/Release/net10.0/Gongzhi.Silo.dll", Path.Combine(sut.Root, "src", "Silo"), env);
            port = _siloPorts[i];
        }
        else
        {
            var j = int.Parse(name[8..], System.Globalization.CultureInfo.InvariantCulture) - 1;
            pid = sut.Spawn(name, "dotnet", "bin/Release/net10.0/Gongzhi.Gateway.dll", Path.Combine(sut.Root, "src", "Gateway"), new(common)
            {
                ["ASPNETCORE_URLS"] = Gateways[j].ToString().TrimEnd('/'),
                ["Management__Urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
                ["Auth__SigningKey"] = _signingKey,
                ["Gateway__TrackingKey"] = _trackingKey,
                ["RateLimits__Enabled"] = "false",
            });
            port = Gateways[j].Port;
        }
        _pids[name] = pid;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await SystemUnderTest.WaitPortAsync(port, TimeSpan.FromSeconds(120), limit.Token);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            Console.WriteLine($"    {name} did not listen on {port} within 120 s; see {Path.Combine(sut.WorkDir, name + ".log")}");
        }
    }

    public Task KillAsync(string name) => sut.KillAsync(_pids[name]);

    public bool Running(string name) => _pids.TryGetValue(name, out var pid) && sut.Running(pid);

    /// <summary>Every gateway answers /healthz 200 and every generated community's roster has all its cadres on duty.</summary>
    public async Task WaitHealthyAsync(TimeSpan limit, CancellationToken ct)
    {
        Console.Write("==> waiting for every gateway's /healthz and the seeded rosters ");
        using var http = new HttpClient { BaseAddress = Gateways[0], Timeout = TimeSpan.FromSeconds(10) };
        await sut.PollUntilReadyAsync(limit, async () =>
        {
            foreach (var gateway in Gateways)
            {
                if ((await http.GetAsync(new Uri(gateway, "/healthz"), ct)).StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
            }

            return await SystemUnderTest.RostersReadyAsync(http, world, ct);
        }, ct);
    }
}
