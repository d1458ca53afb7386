using System.Diagnostics;
using Gongzhi.Bench;

Options options;
try
{
    options = Options.Parse(args);
}
catch (HelpRequested)
{
    Console.WriteLine(Options.Usage);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 1;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.WriteLine("\n==> interrupted; stopping");
    cts.Cancel();
};
var ct = cts.Token;

var root = SystemUnderTest.FindRoot();
await SystemUnderTest.EnsureNpmAsync(root);
var startedAt = DateTimeOffset.UtcNow;
var stamp = startedAt.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
var work = Path.Combine(Path.GetTempPath(), $"gongzhi-bench-{stamp}");
Directory.CreateDirectory(work);
var world = BenchWorld.Generate(root, Path.Combine(work, "seeds"), options.Communities, options.CompoundsPerCommunity, options.CadresPerCommunity);
if (options.Scenario == "s4")
{
    Console.WriteLine($"==> scenario s4: {options.Cases} resident case grains, offered at {options.Rate}/s, time limit {options.Seconds} s; " +
        $"world {world.Communities.Count} communities × {options.CadresPerCommunity} cadres; logs in {work}");
    return await ResidentGrains.RunAsync(options, root, stamp, work, world, ct);
}
if (options.Chaos)
{
    return await ChaosScenario.RunAsync(options, root, stamp, work, world, ct);
}
Console.WriteLine($"==> scenario {options.Scenario}: " + (options.ClosedLoop ? $"closed loop, {options.Concurrency} in flight" : $"{options.Rate}/s open loop") +
    $" for {options.Seconds} s, drain {options.DrainSeconds} s; world {world.Communities.Count} communities × {options.CompoundsPerCommunity} compounds × {options.CadresPerCommunity} cadres; logs in {work}");

var sut = new SystemUnderTest { Root = root, WorkDir = work, World = world, IntakeWorker = !options.IntakeOnly, SiloEnvironment = options.SiloEnvironment, Configuration = options.Configuration };
return await sut.RunAsync(async () =>
{
    if (options.Build)
    {
        await sut.BuildAsync();
    }
    // Baselines first, against an Azurite of their own: what they leave behind (tens of thousands of queue
    // messages and table rows) must not weigh on the system's Azurite, and the system is not yet running beside them.
    BaselineResults? baselines = null;
    if (options.Baselines)
    {
        var (connection, pids) = await sut.StartAzuriteAsync("azurite-baseline", ct);
        Console.WriteLine($"==> baselines ({options.BaselineSeconds} s each, on this machine, before the system starts)");
        baselines = await Baselines.RunAsync(world, connection, options.Concurrency, options.BaselineSeconds, ct);
        foreach (var pid in pids)
        {
            await sut.StopAsync(pid);
        }
    }

    await sut.StartAsync(ct);

    if (options.WarmupSeconds > 0)
    {
        Console.WriteLine($"==> warm-up: {options.WarmupSeconds} s at {options.WarmupRate}/s (not counted), then 5 s to settle");
        var warm = await sut.WarmUpAsync(stamp, options.WarmupRate, options.WarmupSeconds, ct);
        Console.WriteLine($"    {warm.Accepted} accepted, {warm.Failed} errors");
        await Task.Delay(5000, ct);
    }

    var runId = stamp;
    using var driver = new Driver(sut.BaseAddress, world, runId);
    await using var s3 = options.Scenario == "s3" ? await S3Connections.PrepareAsync(options, sut, world, driver, stamp, ct) : null;
    // The same light client as s3's crowd: the listeners share the machine with the system, so they should take as little of it as they can.
    await using var staff = s3 is null ? new Crowd(sut.BaseAddress, driver) : null;
    IPushListeners listeners = s3?.Crowd ?? (IPushListeners)staff!;
    if (staff is not null)
    {
        Console.WriteLine($"==> connecting {world.Communities.Count} boards and {world.Communities.Sum(c => c.CadreIds.Count)} cadres over SignalR");
        var phase = await staff.ConnectAllAsync("staff", [.. CrowdJob.Boards(world), .. CrowdJob.Cadres(world)], 16, ct);
        if (phase.Connected < phase.Asked)
        {
            throw new InvalidOperationException($"{phase.Asked - phase.Connected} of {phase.Asked} listeners did not connect: {string.Join(", ", phase.Failures.Select(f => $"{f.Key} ×{f.Value}"))}");
        }
    }

    await using var siloRuntime = new SiloCounters(sut.SiloPid, SiloCounters.Runtime);
    await using var gatewayRuntime = new SiloCounters(sut.GatewayPid, SiloCounters.Runtime);
    await using var sampler = new ProcSampler([("silo", [sut.SiloPid]), ("gateway", [sut.GatewayPid]), ("azurite", sut.AzuritePids), ("bench", [Environment.ProcessId])],
        new Dictionary<string, Func<RuntimeTimes>>
        {
            ["silo"] = () => RuntimeTimes.Of(siloRuntime),
            ["gateway"] = () => RuntimeTimes.Of(gatewayRuntime),
        });
    await using var probe = new AzuriteProbe(sut.ConnectionString, driver);
    var series = new Series(options.Seconds + options.DrainSeconds + 30);
    var samplerOffset = 0d;
    await Task.Delay(1100, ct); // one sample before the load, so the sampler's clock can be lined up with the driver's
    samplerOffset = sampler.Latest?.At ?? 0;
    string[] processLogs = [Path.Combine(work, "silo.log"), Path.Combine(work, "gateway.log")];
    var storageBefore = StorageWork.Read(processLogs);

    Console.WriteLine("==> load    t   sent  acc/s  err  inflight  board  cadre  pending  | CPU% silo gw azurite bench (machine)  RSS MB silo gw");
    using var progressStop = new CancellationTokenSource();
    var progress = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(progressStop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            var sec = driver.SecondOf(Stopwatch.GetTimestamp()) - 1;
            var acc = sec >= 0 && sec < series.Length ? series.Accepted[sec] : 0;
            var pending = driver.Cases.Values.Count(c => c.Answered != 0 && c.CadreAssigned == 0);
            var s = sampler.Latest;
            var cpu = s is null ? "" : $"{Stats.F(s.Cpu[0]),4} {Stats.F(s.Cpu[1]),3} {Stats.F(s.Cpu[2]),3} {Stats.F(s.Cpu[3]),3} ({Stats.F(s.MachineCpu)}%)   {Stats.F(s.RssMb[0])} {Stats.F(s.RssMb[1])}";
            Console.WriteLine($"         {sec + 1,4} {driver.Sent,6} {acc,6} {driver.Failed,4} {driver.InFlight,9} {listeners.BoardPushCount,6} {listeners.CadrePushCount,6} {pending,8}  | {cpu}");
        }
    }, CancellationToken.None);

    if (options.ClosedLoop)
    {
        await driver.ClosedLoopAsync(options.Concurrency, options.Seconds, series, track: true, ct);
    }
    else
    {
        await driver.OpenLoopAsync(options.Rate, options.Seconds, series, track: true, ct);
    }
    var loadEnd = Stopwatch.GetTimestamp();
    Console.WriteLine($"==> load offered; waiting for answers still in flight and up to {options.DrainSeconds} s for pushes");
    var drainDeadline = loadEnd + options.DrainSeconds * Stopwatch.Frequency;
    while (Stopwatch.GetTimestamp() < drainDeadline && !ct.IsCancellationRequested)
    {
        if (driver.InFlight == 0 && (options.IntakeOnly || driver.Cases.Values.All(c => c.Answered == 0 || (c.CadreAssigned != 0 && c.BoardAssigned != 0))))
        {
            break;
        }
        await Task.Delay(250, ct);
    }
    await Task.Delay(1500, CancellationToken.None); // late duplicates and the last sampler tick
    await progressStop.CancelAsync();
    await progress;

    var elapsedLoad = Stopwatch.GetElapsedTime(driver.T0, loadEnd).TotalSeconds;
    if (s3 is not null)
    {
        await s3.FinishAsync(ct);
    }
    var storage = StorageWork.Between(storageBefore, StorageWork.Read(processLogs), driver.Accepted);
    await probe.DisposeAsync();
    IReadOnlyList<(string Table, long Rows)> tables = [];
    try
    {
        tables = await probe.CountRowsAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
    }
    catch (Exception e) when (e is TimeoutException or Azure.RequestFailedException)
    {
        Console.WriteLine($"    (could not count table rows: {e.Message.Split('\n')[0]})");
    }
    var audit = options.IntakeOnly ? await IntakeAudit.RunAsync(sut.ConnectionString, driver, ct) : null;
    var result = RunResult.Analyse(options, driver, listeners, series, sampler, samplerOffset, elapsedLoad, probe, tables);
    var report = await Report.WriteAsync(root, options, stamp, result, baselines, world, work, storage, s3?.Section(driver));
    if (audit is not null)
    {
        await File.AppendAllTextAsync(report, audit.Markdown, CancellationToken.None);
    }
    Console.WriteLine();
    Console.WriteLine(result.Summary(baselines));
    Console.WriteLine($"  storage: {storage.PerCase(storage.TableWrites):F2} table writes ({storage.PerCase(storage.TableRowsWritten):F2} rows, {storage.PerCase(storage.TableBytesWritten) / 1024:F1} KB), {storage.PerCase(storage.TableReads):F2} table reads, {storage.PerCase(storage.QueueRequests):F2} queue requests per accepted case");
    if (s3 is not null)
    {
        Console.WriteLine(s3.Summary(driver));
    }
    if (audit is not null)
    {
        Console.WriteLine(audit.Summary);
    }
    Console.WriteLine($"==> report: {report}");
    await sut.HoldAsync(options.HoldSeconds, ct);

    var lost = audit is not null ? audit.Missing > 0 : result.NeverPushedToCadre > 0 || result.NeverPushedToBoard > 0;
    var failed = lost || (options.Smoke && (driver.Failed > 0 || driver.Accepted == 0));
    return failed ? 3 : 0;
}, ct);
