using System.Globalization;

namespace Gongzhi.Bench;

/// <summary>Command-line options. Each scenario has defaults; explicit options override them.</summary>
public sealed class Options
{
    public string Scenario { get; private set; } = "s2";

    /// <summary>Offered submissions per second (open loop). 0 means closed loop (scenario s5).</summary>
    public double Rate { get; private set; }

    public int Seconds { get; private set; }

    /// <summary>How long to wait after the last submission for pushes still on their way.</summary>
    public int DrainSeconds { get; private set; }

    /// <summary>Concurrent requests in closed-loop runs (baselines and s5).</summary>
    public int Concurrency { get; private set; } = 64;

    public int Communities { get; private set; }

    public int CompoundsPerCommunity { get; private set; } = 7;

    public int CadresPerCommunity { get; private set; }

    public int BaselineSeconds { get; private set; } = 10;

    /// <summary>s3: SignalR connections held on the gateway (boards + cadres + residents).</summary>
    public int Connections { get; private set; } = 10_000;

    /// <summary>s3: boards per community.</summary>
    public int BoardsPerCommunity { get; private set; } = 1;

    /// <summary>s3: connections opening at once.</summary>
    public int ConnectConcurrency { get; private set; } = 32;

    /// <summary>s3: submissions per second of the prefill (one case per resident, for their tracking tokens).</summary>
    public double PrefillRate { get; private set; } = 150;

    /// <summary>s3: cases the prefill submits (0 = one per resident); fewer means several residents follow one case.</summary>
    public int PrefillCases { get; private set; }

    /// <summary>Seconds of load before the measured run, at <see cref="WarmupRate"/>, not counted.</summary>
    public int WarmupSeconds { get; private set; } = 5;

    public double WarmupRate => Smoke ? 10 : Math.Clamp(Rate > 0 ? Rate / 2 : 50, 10, 100);

    public bool Baselines { get; private set; } = true;

    /// <summary>s4: how many cases to have accepted, assigned and resident in the silo at once.</summary>
    public int Cases { get; private set; } = 100_000;

    /// <summary>s4: the silo's idle-grain collection age for the run, so no case grain is deactivated before it is counted.</summary>
    public TimeSpan CollectionAge { get; private set; } = TimeSpan.FromHours(2);

    /// <summary>s4: seconds to keep the system running after the last measurement, to inspect the silo by hand.</summary>
    public int HoldSeconds { get; private set; }

    public bool Build { get; private set; } = true;

    /// <summary>The build of src/Silo and src/Gateway to run: Release for every figure; Debug for the suite's smoke run, which reuses the suite's build.</summary>
    public string Configuration { get; private set; } = "Release";

    /// <summary>chaos: seconds between kills.</summary>
    public int KillEvery { get; private set; } = 45;

    /// <summary>chaos: seconds a killed process stays down before it is restarted.</summary>
    public int DownSeconds { get; private set; } = 5;

    /// <summary>chaos: staff actions (acknowledge, resolve) per second.</summary>
    public double StaffRate { get; private set; } = 10;

    /// <summary>chaos: seconds to wait after the load for every 202 to be dispatched.</summary>
    public int RecoverySeconds { get; private set; } = 300;

    /// <summary>chaos: the kill rotation (default silo-1, silo-2, gateway-1, gateway-2, azurite).</summary>
    public string[] ChaosTargets { get; private set; } = [];

    /// <summary>chaos: restart the silos one at a time before the audit, so it reads what storage kept.</summary>
    public bool FinalRestart { get; private set; } = true;

    public bool Chaos => Scenario == "chaos";

    public bool Chart { get; private set; } = true;

    public string? OutputDirectory { get; private set; }

    /// <summary>The silo's grain storage provider (<c>Orleans__GrainStorage</c>: Gongzhi or AzureTable); null leaves the silo's default.</summary>
    public string? GrainStorage { get; private set; }

    /// <summary>The silo's own environment for this run.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment =>
        GrainStorage is { } provider ? new Dictionary<string, string> { ["Orleans__GrainStorage"] = provider } : new Dictionary<string, string>();

    public bool Smoke => Scenario == "smoke";

    /// <summary>s5 measures intake alone: the silo's intake worker is off and the queue is audited after the run.</summary>
    public bool IntakeOnly => Scenario == "s5";

    public bool ClosedLoop => Rate <= 0;

    public string CommandLine { get; private set; } = "";

    public static Options Parse(string[] args)
    {
        var o = new Options();
        double? rate = null;
        int? seconds = null, drain = null, communities = null, cadres = null, warmup = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scenario": o.Scenario = Next().ToLowerInvariant(); break;
                case "--smoke": o.Scenario = "smoke"; break;
                case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--drain": drain = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--concurrency": o.Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--communities": communities = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cadres": cadres = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--baseline-seconds": o.BaselineSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--connections": o.Connections = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--boards": o.BoardsPerCommunity = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--connect-concurrency": o.ConnectConcurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prefill-rate": o.PrefillRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prefill-cases": o.PrefillCases = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hold": o.HoldSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cases": o.Cases = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--collection-age": o.CollectionAge = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--duration": seconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--kill-every": o.KillEvery = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--down": o.DownSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--staff-rate": o.StaffRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--recovery": o.RecoverySeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--targets": o.ChaosTargets = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--no-final-restart": o.FinalRestart = false; break;
                case "--no-baselines": o.Baselines = false; break;
                case "--no-build": o.Build = false; break;
                case "--configuration": o.Configuration = Next() switch { "Release" => "Release", "Debug" => "Debug", _ => throw new ArgumentException("--configuration is Release or Debug") }; break;
                case "--no-chart": o.Chart = false; break;
                case "--out": o.OutputDirectory = Next(); break;
                case "--grain-storage": o.GrainStorage = Next(); break;
                case "-h" or "--help": throw new HelpRequested();
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        // Scenario defaults: s1 throughput, s2 latency at a moderate rate, s5 intake alone (closed loop), smoke for test.sh.
        var (defRate, defSeconds, defDrain, defCommunities, defCadres) = o.Scenario switch
        {
            "s1" => (500d, 60, 60, 20, 20),
            "s2" => (100d, 60, 30, 20, 20),
            "s3" => (100d, 60, 30, 50, 20),
            "s4" => (500d, 1200, 0, 100, 5),
            "s5" => (0d, 30, 60, 20, 20),
            "smoke" => (20d, 20, 20, 4, 5),
            "chaos" => (20d, 600, 0, 2, 4),
            _ => throw new ArgumentException($"unknown scenario {o.Scenario} (s1, s2, s3, s4, s5, smoke, chaos)"),
        };
        o.CommandLine = $"dotnet run -c {o.Configuration} --project bench/Gongzhi.Bench --" + string.Concat(args.Select(a => " " + a));
        o.Rate = rate ?? defRate;
        o.Seconds = seconds ?? defSeconds;
        o.DrainSeconds = drain ?? defDrain;
        o.Communities = communities ?? defCommunities;
        o.CadresPerCommunity = cadres ?? defCadres;
        // s4 counts every case grain from zero, so nothing is submitted before it starts counting; its baselines are the heap at 0 cases.
        o.WarmupSeconds = warmup ?? (o.Scenario == "s4" ? 0 : o.WarmupSeconds);
        if (o.Scenario == "s4")
        {
            o.Baselines = false;
        }
        if (o.Smoke || o.Chaos)
        {
            o.Baselines = false;
        }
        string[] known = ["silo-1", "silo-2", "gateway-1", "gateway-2", "azurite"];
        if (o.ChaosTargets.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
        {
            throw new ArgumentException($"unknown --targets entry {unknown} ({string.Join(", ", known)})");
        }
        return o;
    }

    public const string Usage = """
        Gongzhi bench: starts Azurite, a silo and a gateway (Release) with a generated world, measures, writes a report.

          --scenario s1|s2|s3|s4|s5|smoke   s1 500/s 60 s; s2 100/s 60 s (default); s3 100/s 60 s with 10,000 SignalR
                            connections (50 communities); s4 100,000 resident case grains; smoke 20/s 20 s;
                            s5 intake alone, closed loop, the silo's intake worker off: afterwards the bench reads
                            the intake queue and checks every 202's case is in it (and counts messages per case)
          --rate N          offered submissions per second (open loop; 0 = closed loop with --concurrency)
          --seconds N       how long to offer load
          --drain N         seconds to wait afterwards for pushes still on their way
          --concurrency N   in-flight requests for closed-loop runs and baselines (64)
          --communities N   generated communities (20; s3 50; smoke 4), 7 compounds each
          --cadres N        cadres per community, all on duty, maxOpenCases 10000 (20; smoke 5)
          --baseline-seconds N   each baseline's duration (10)
          --connections N   s3: connections held on the gateway (10000): a board per community, every cadre,
                            residents for the rest (each watching a prefill case; churn during the load)
          --boards N        s3: boards per community (1)
          --connect-concurrency N   s3: connections opening at once (32)
          --prefill-rate N  s3: rate of the prefill that gives each resident a case to watch (150/s)
          --prefill-cases N s3: cases in the prefill (0 = one per resident); fewer: residents share cases
          --warmup N        seconds of untracked load first (5), at half the rate (10..100/s)
          --no-baselines    skip bare Kestrel and raw Azurite
          --no-build        use the existing build of src/Silo and src/Gateway
          --hold N          every scenario but chaos: keep the system running N s after the last measurement (prints
                            the PIDs), e.g. for dotnet-gcdump or a /metrics scrape
          --configuration C Release (the default, for every figure) or Debug (the suite's smoke run: no second build)
          --no-chart        skip the PNG (needs /usr/bin/chromium)
          --out DIR         report folder (docs/benchmarks)
          --grain-storage P the silo's grain storage provider, Gongzhi (ours, the default) or AzureTable (Orleans' own);
                            the report's name ends in -P when given
        s4 (resident grains): submits --cases N (100000) at --rate (500/s) over 100 communities × 5 cadres, waits until
        every accepted case is assigned (boards only listen) or --seconds (1200) pass, and induces a gen2 GC in the silo
        at 0, 25 %, 50 %, 75 % and 100 % of N to read its heap (EventPipe), RSS and Orleans' activation count.
          --cases N         s4: cases to make resident (100000)
          --collection-age MIN   s4: the silo's idle grain collection age for the run (120; Orleans' default is 15)
        chaos (issue 10): Azurite (data on disk), 2 silos, 2 gateways as processes; --rate (20/s) submissions on alternating
        gateways, each retried with the same body and clientRequestId until a 202; cadres acknowledge and resolve at
        --staff-rate; SIGKILL every --kill-every s rotating silo-1, silo-2, gateway-1, gateway-2, azurite, each restarted
        after --down s; then waits --recovery s for every 202 to be dispatched and audits them (docs/reliability.md).
          --duration N      chaos: seconds of load and kills (600; same as --seconds)
          --kill-every N    chaos: seconds between kills (45)
          --down N          chaos: seconds a killed process stays down (5)
          --staff-rate N    chaos: staff actions per second (10)
          --recovery N      chaos: seconds to wait for every 202 to be dispatched (300)
          --targets LIST    chaos: the kill rotation, comma-separated (silo-1,silo-2,gateway-1,gateway-2,azurite)
          --no-final-restart  chaos: audit without first restarting the silos one at a time (then it may read
                            a grain's memory rather than what storage kept)
        Exit code: 0; 3 when a case was accepted but never pushed (s5: is not in the queue; smoke: also any error; chaos: a 202 lost or doubled, or a 2xx staff action missing); 1 when it could not run.
        """;
}

public sealed class HelpRequested : Exception;
