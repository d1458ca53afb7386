using System.Diagnostics;

namespace Gongzhi.Bench;

/// <summary>
/// Scenario s4: N real cases (submitted through the gateway, accepted and assigned) resident in one silo at
/// once; the silo's managed heap after an induced gen2 GC at 0, 25 %, 50 %, 75 % and 100 % of them, Orleans'
/// own activation count, and the rate at which case grains were activated.
/// </summary>
public static class ResidentGrains
{
    /// <summary>The silo measured at one moment; heap figures in bytes, RSS in MB, seconds since the load began.</summary>
    public sealed record Point(string Label, double Seconds, long Accepted, long Assigned, double Activations, double HeapAfterGen2,
        double LastCollectionHeap, double Committed, double RssMb, double Gen2Collections)
    {
        /// <summary>What that gen2 found alive (bytes promoted); the heap after it also holds the free space it did not compact away.</summary>
        public double LiveAfterGen2 { get; init; } = double.NaN;

        /// <summary>The silo's GC pauses so far, in seconds (the runtime's <c>dotnet.gc.pause.time</c>).</summary>
        public double GcPauseSeconds { get; init; } = double.NaN;
    }

    /// <summary>One second of the run.</summary>
    public sealed record Tick(double Seconds, long Sent, long Accepted, long Failed, long Assigned, double Activations, double LastCollectionHeapMb, double RssMb);

    public const string ActivationsInstrument = "orleans-catalog-activations";

    public static async Task<int> RunAsync(Options o, string root, string stamp, string work, BenchWorld world, CancellationToken ct)
    {
        // Orleans collects grains idle for 15 minutes by default; the run keeps them for CollectionAge so the count is of grains resident at once.
        var sut = new SystemUnderTest
        {
            Root = root,
            WorkDir = work,
            World = world,
            SiloEnvironment = new Dictionary<string, string> { ["Orleans__GrainCollection__CollectionAge"] = o.CollectionAge.ToString("c") },
        };
        return await sut.RunAsync(async () =>
        {
            if (o.Build)
            {
                await sut.BuildAsync();
            }
            await sut.StartAsync(ct);
            if (o.WarmupSeconds > 0)
            {
                Console.WriteLine($"==> warm-up: {o.WarmupSeconds} s at {o.WarmupRate}/s (its case grains stay resident and are in every figure)");
                await sut.WarmUpAsync(stamp, o.WarmupRate, o.WarmupSeconds, ct);
            }

            using var driver = new Driver(sut.BaseAddress, world, stamp);
            await using var watch = new AssignedWatch(sut.BaseAddress, driver);
            Console.WriteLine($"==> connecting {world.Communities.Count} boards over SignalR (no cadre connections in s4)");
            await watch.ConnectAsync(world, ct);
            await using var counters = new SiloCounters(sut.SiloPid);
            await using var sampler = new ProcSampler([("silo", [sut.SiloPid]), ("gateway", [sut.GatewayPid]), ("azurite", sut.AzuritePids), ("bench", [Environment.ProcessId])]);
            await Task.Delay(3000, ct); // the counters' first refresh

            var points = new List<Point>();
            var ticks = new List<Tick>();
            long started = Stopwatch.GetTimestamp();
            double Now() => Stopwatch.GetElapsedTime(driver.T0 != 0 ? driver.T0 : started).TotalSeconds;
            async Task<Point> MeasureAsync(string label)
            {
                var heap = await SiloCounters.InduceGen2Async(sut.SiloPid, TimeSpan.FromSeconds(60));
                await Task.Delay(2200, CancellationToken.None); // two refreshes, so the meters show the heap after that GC
                var p = new Point(label, Now(), driver.Accepted, watch.Assigned, counters.Get(SiloCounters.Orleans, ActivationsInstrument), heap,
                    counters.Get(SiloCounters.Runtime, "dotnet.gc.last_collection.heap.size"), counters.Get(SiloCounters.Runtime, "dotnet.gc.last_collection.memory.committed_size"),
                    counters.RssMb(), Gen2(counters))
                {
                    LiveAfterGen2 = SiloCounters.LastLiveBytes,
                    GcPauseSeconds = counters.Get(SiloCounters.Runtime, "dotnet.gc.pause.time"),
                };
                Console.WriteLine($"    [{p.Label}] {p.Assigned} assigned, {Stats.F(p.Activations)} activations: heap after gen2 {Stats.F(Mb(p.HeapAfterGen2), "F1")} MB " +
                    $"(live {Stats.F(Mb(p.LiveAfterGen2), "F1")}, last collection {Stats.F(Mb(p.LastCollectionHeap), "F1")}, committed {Stats.F(Mb(p.Committed), "F1")}), RSS {Stats.F(p.RssMb)} MB, GC pauses so far {Stats.F(p.GcPauseSeconds, "F1")} s");
                return p;
            }

            Console.WriteLine("==> 0 cases: inducing a gen2 GC in the silo");
            points.Add(await MeasureAsync("0"));

            var loadSeconds = (int)Math.Ceiling(o.Cases / o.Rate);
            var milestones = new Queue<int>(new[] { 25, 50, 75 }.Select(pc => o.Cases * pc / 100));
            var series = new Series(o.Seconds + 60);
            Console.WriteLine($"==> load: {o.Cases} cases at {o.Rate}/s ({loadSeconds} s), then until every accepted case is assigned or {o.Seconds} s have passed");
            Console.WriteLine("           t     sent  accepted  err  inflight  assigned  activations  heap MB  RSS MB | CPU% silo gw azurite bench");
            var load = driver.OpenLoopAsync(o.Rate, loadSeconds, series, track: true, ct);
            var limit = TimeSpan.FromSeconds(o.Seconds);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(ct))
            {
                var tick = new Tick(Now(), driver.Sent, driver.Accepted, driver.Failed, watch.Assigned, counters.Get(SiloCounters.Orleans, ActivationsInstrument),
                    Mb(counters.Get(SiloCounters.Runtime, "dotnet.gc.last_collection.heap.size")), counters.RssMb());
                ticks.Add(tick);
                var s = sampler.Latest;
                var cpu = s is null ? "" : $"{Stats.F(s.Cpu[0]),4} {Stats.F(s.Cpu[1]),3} {Stats.F(s.Cpu[2]),3} {Stats.F(s.Cpu[3]),3}";
                Console.WriteLine($"        {tick.Seconds,4:F0} {tick.Sent,8} {tick.Accepted,9} {tick.Failed,4} {driver.InFlight,9} {tick.Assigned,9} {Stats.F(tick.Activations),12} {Stats.F(tick.LastCollectionHeapMb),8} {Stats.F(tick.RssMb),7} | {cpu}");
                if (milestones.Count > 0 && watch.Assigned >= milestones.Peek())
                {
                    var m = milestones.Dequeue();
                    points.Add(await MeasureAsync($"{m * 100L / o.Cases} %"));
                }
                var done = load.IsCompleted && driver.InFlight == 0 && Pending(driver) == 0;
                if (done || Stopwatch.GetElapsedTime(driver.T0) > limit)
                {
                    break;
                }
            }
            await load;
            var endSeconds = Now();
            var complete = Pending(driver) == 0 && driver.Accepted > 0;
            Console.WriteLine(complete ? "==> every accepted case assigned; measuring" : $"==> time limit: {Pending(driver)} accepted cases not assigned; measuring anyway");
            points.Add(await MeasureAsync(complete ? "100 %" : "end"));
            var result = new ResidentGrainsResult(o, points, ticks, endSeconds, driver.Sent, driver.Accepted, driver.Failed, watch.Assigned, Pending(driver),
                new Dictionary<string, long>(driver.ErrorsByKind), counters.All, sampler.Samples.ToList(), watch.Count, Interlocked.Read(ref watch.Closed));
            await sut.HoldAsync(o.HoldSeconds, ct);
            var report = await ResidentGrainsReport.WriteAsync(root, o, stamp, result, world);
            Console.WriteLine();
            Console.WriteLine(result.Summary());
            Console.WriteLine($"==> report: {report}");
            return result.NeverAssigned > 0 ? 3 : 0;
        }, ct);
    }

    // Accepted (202) cases whose board has not yet seen them assigned.
    private static int Pending(Driver driver) => driver.Cases.Values.Count(c => c.Answered != 0 && c.BoardAssigned == 0);

    private static double Gen2(SiloCounters counters)
    {
        var all = counters.All;
        return all.Where(kv => kv.Key.StartsWith(SiloCounters.Runtime + "/dotnet.gc.collections/", StringComparison.Ordinal) && kv.Key.Contains("gen2", StringComparison.Ordinal))
            .Select(kv => kv.Value).DefaultIfEmpty(double.NaN).Sum();
    }

    public static double Mb(double bytes) => bytes / 1024 / 1024;
}
