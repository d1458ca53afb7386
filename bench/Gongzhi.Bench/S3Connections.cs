using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gongzhi.Bench;

/// <summary>The gateway's memory at one moment: managed heap after a full GC, and RSS.</summary>
public sealed record GatewayMemory(string When, int Connections, double HeapMb, double RssMb, double CommittedMb);

/// <summary>
/// Scenario s3 (issue 5, S3 connections): N SignalR connections on one gateway — a board per community, every
/// cadre, and residents watching their own case — held while the load flows, with the gateway's memory per
/// connection. Phases: boards connect; a prefill submits one case per resident (the tracking tokens); the
/// gateway's memory is read (after a full GC); cadres and residents connect; memory again; then the
/// measured load, during which each new case's resident connects right after the 202 and an older
/// resident leaves (churn), so the count holds at N.
/// </summary>
public sealed class S3Connections : IAsyncDisposable
{
    private readonly Options _options;
    private readonly SystemUnderTest _sut;
    private RuntimeCounters? _counters;

    private S3Connections(Options options, SystemUnderTest sut, Crowd crowd)
    {
        _options = options;
        _sut = sut;
        Crowd = crowd;
    }

    public Crowd Crowd { get; }

    public List<ConnectPhase> Phases { get; } = [];

    public List<GatewayMemory> Memory { get; } = [];

    public (double HeapMeanMb, double HeapMaxMb, double RssMaxMb, double Gen2) DuringLoad { get; private set; } = (double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The gateway's `gongzhi.push.latency` (case event → SignalR hand-off, read in s, kept in ms; per-second percentiles averaged over the load, and the worst second's p99) and updates held.</summary>
    public (double P50, double P95, double P99, double WorstP99, double Held) GatewayDelay { get; private set; } = (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public int Boards { get; private set; }

    public int Cadres { get; private set; }

    public int Residents { get; private set; }

    public long PrefillAccepted { get; private set; }

    public long PrefillFailed { get; private set; }

    private long _loadFrom;

    /// <summary>Everything before the measured load; on return the crowd is connected and churn is wired to <paramref name="driver"/>.</summary>
    public static async Task<S3Connections> PrepareAsync(Options options, SystemUnderTest sut, BenchWorld world, Driver driver, string stamp, CancellationToken ct)
    {
        var s3 = new S3Connections(options, sut, new Crowd(sut.BaseAddress, driver));
        await s3.PrepareAsync(world, driver, stamp, ct);
        return s3;
    }

    private async Task PrepareAsync(BenchWorld world, Driver driver, string stamp, CancellationToken ct)
    {
        try
        {
            await SystemUnderTest.RunToEndAsync("dotnet", "tool restore", _sut.Root); // dotnet-counters, from .config/dotnet-tools.json
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"    (dotnet tool restore failed: {e.Message.Split('\n')[0]})");
        }
        _counters = RuntimeCounters.Start(_sut.Root, _sut.GatewayPid, Path.Combine(_sut.WorkDir, "gateway-counters.csv"), "Gongzhi.Gateway");
        if (_counters is not null && !await _counters.WaitForFirstAsync(TimeSpan.FromSeconds(30), ct))
        {
            Console.WriteLine("    (dotnet-counters gave nothing in 30 s: is `dotnet tool restore` done? memory figures will be RSS only)");
        }

        var boards = CrowdJob.Boards(world, _options.BoardsPerCommunity);
        var cadres = CrowdJob.Cadres(world);
        Boards = boards.Count;
        Cadres = cadres.Count;
        Residents = Math.Max(0, _options.Connections - Boards - Cadres);

        Console.WriteLine($"==> s3: {Boards} boards connect first (they see the prefill's cases through)");
        Phases.Add(await Crowd.ConnectAllAsync("boards", boards, _options.ConnectConcurrency, ct));

        var prefillCases = _options.PrefillCases > 0 ? Math.Min(_options.PrefillCases, Residents) : Residents;
        Console.WriteLine($"==> s3 prefill: {prefillCases} cases at {_options.PrefillRate}/s for {Residents} residents to watch (their tracking tokens)");
        var tokens = new System.Collections.Concurrent.ConcurrentQueue<(string CaseId, string Token)>();
        using (var prefill = new Driver(_sut.BaseAddress, world, stamp + "-prefill"))
        {
            prefill.OnAccepted = (caseId, token) => tokens.Enqueue((caseId, token));
            Crowd.Driver = prefill;
            var seconds = (int)Math.Ceiling(prefillCases / _options.PrefillRate);
            await prefill.OpenLoopAsync(_options.PrefillRate, seconds, new Series(seconds + 120), track: true, ct);
            while (prefill.InFlight > 0)
            {
                await Task.Delay(100, ct);
            }
            PrefillAccepted = prefill.Accepted;
            PrefillFailed = prefill.Failed;
            // Let the silo work through them: pushes to the boards until every prefill case has its `assigned` (or 60 s).
            var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var pending = prefill.Cases.Values.Count(c => c.Answered != 0 && c.BoardAssigned == 0);
                if (pending == 0)
                {
                    break;
                }
                Console.WriteLine($"    prefill: {prefill.Accepted} accepted, {prefill.Failed} errors; {pending} not yet assigned on their board");
                await Task.Delay(2000, ct);
            }
            Crowd.Driver = driver;
        }

        await Task.Delay(3000, ct);
        await ReadMemoryAsync("before (boards only)", ct);

        var watched = tokens.ToArray();
        var residents = watched.Length == 0 ? [] : Enumerable.Range(0, Residents).Select(i => watched[i % watched.Length])
            .Select(t => new CrowdJob(ListenerKind.Resident, t.CaseId, t.CaseId, t.Token)).ToList();
        Console.WriteLine($"==> s3: connecting {cadres.Count} cadres and {residents.Count} residents, {_options.ConnectConcurrency} at a time");
        Phases.Add(await Crowd.ConnectAllAsync("cadres", cadres, _options.ConnectConcurrency, ct));
        Phases.Add(await Crowd.ConnectAllAsync("residents", residents, _options.ConnectConcurrency, ct));
        await Task.Delay(5000, ct);
        await ReadMemoryAsync("all connected", ct);

        driver.OnAccepted = Crowd.Churn;
        _loadFrom = Stopwatch.GetTimestamp();
    }

    /// <summary>After the drain: the heap during the load (no forced GC there) and once more after a full GC.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        var loadTo = Stopwatch.GetTimestamp();
        if (_counters is not null)
        {
            var during = _counters.Between(_loadFrom, loadTo);
            if (during.Count > 0)
            {
                DuringLoad = (during.Average(s => s.HeapBytes) / Mb, during.Max(s => s.HeapBytes) / Mb, during.Max(s => s.WorkingSetBytes) / Mb, during.Sum(s => s.Gen2));
                double[] Of(string part) => during.Select(s => s.Get("gongzhi.push.latency", part) * 1000).Where(v => !double.IsNaN(v)).ToArray();
                var (p50, p95, p99) = (Of("Percentile=50"), Of("Percentile=95"), Of("Percentile=99"));
                var held = during.Select(s => s.Get("gongzhi.push.held")).Where(v => !double.IsNaN(v)).Sum();
                GatewayDelay = (p50.Length > 0 ? p50.Average() : double.NaN, p95.Length > 0 ? p95.Average() : double.NaN,
                    p99.Length > 0 ? p99.Average() : double.NaN, p99.Length > 0 ? p99.Max() : double.NaN, held);
            }
        }
        await ReadMemoryAsync("after the load", ct);
    }

    private const double Mb = 1024 * 1024;

    private async Task ReadMemoryAsync(string when, CancellationToken ct)
    {
        var heap = double.NaN;
        var committed = double.NaN;
        if (_counters is not null && await _counters.CollectAsync(_sut.GatewayPid, ct) && _counters.Latest is { } s)
        {
            heap = s.HeapBytes / Mb;
            committed = s.CommittedBytes / Mb;
        }
        var rss = ProcRssMb(_sut.GatewayPid);
        var m = new GatewayMemory(when, Crowd.Count, heap, rss, committed);
        Memory.Add(m);
        Console.WriteLine($"    gateway memory {when}: {m.Connections} connections, managed heap {Stats.F(heap, "F1")} MB (after a full GC), RSS {Stats.F(rss, "F1")} MB");
    }

    private static double ProcRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d;
    }

    /// <summary>Bytes per connection between the first two readings (the connections opened between them).</summary>
    public (double Heap, double Rss, int Connections) PerConnection()
    {
        if (Memory.Count < 2)
        {
            return (double.NaN, double.NaN, 0);
        }
        var (a, b) = (Memory[0], Memory[1]);
        var n = b.Connections - a.Connections;
        return n <= 0 ? (double.NaN, double.NaN, n) : ((b.HeapMb - a.HeapMb) * Mb / n, (b.RssMb - a.RssMb) * Mb / n, n);
    }

    /// <summary>POST → the churn resident's pushes of their own case (they connect after the 202, so an early push may come before they watch).</summary>
    public (Percentiles First, Percentiles Assigned, long Watching, long NoPush, long NoAssigned) ResidentLatency(Driver driver)
    {
        var first = Stats.NewHistogram();
        var assigned = Stats.NewHistogram();
        long watching = 0, noPush = 0, noAssigned = 0;
        foreach (var (caseId, w) in Crowd.Watched)
        {
            if (w.Joined == 0 || !driver.Cases.TryGetValue(caseId, out var t) || t.Sent == 0)
            {
                continue;
            }
            watching++;
            if (w.First != 0) first.RecordValue(Stats.Micros(t.Sent, w.First)); else noPush++;
            if (w.Assigned != 0) assigned.RecordValue(Stats.Micros(t.Sent, w.Assigned)); else noAssigned++;
        }
        return (Stats.Of(first), Stats.Of(assigned), watching, noPush, noAssigned);
    }

    public string Summary(Driver driver)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"s3 connections: {Crowd.Count} open at the end ({Crowd.CountOf(ListenerKind.Board)} boards, {Crowd.CountOf(ListenerKind.Cadre)} cadres, {Crowd.CountOf(ListenerKind.Resident)} residents), {Crowd.DroppedCount} dropped");
        foreach (var (reason, count) in Crowd.DropReasons.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"  dropped {count,5}: {reason}");
        }
        foreach (var p in Phases)
        {
            sb.AppendLine($"  connect {p.Name,-9}: {p.Connected}/{p.Asked} in {p.Seconds:F1} s ({p.Connected / Math.Max(p.Seconds, 0.001):F0}/s), failed {p.Failures.Values.Sum()}{string.Concat(p.Failures.Select(f => $" [{f.Key}: {f.Value}]"))}; one connect p50 {Stats.Ms(p.Latency.P50)} p99 {Stats.Ms(p.Latency.P99)} ms");
        }
        sb.AppendLine($"  churn: {Crowd.ChurnConnected} residents connected after their 202, {Crowd.ChurnClosed} older ones left, {Crowd.ChurnFailed} failed{string.Concat(Crowd.ChurnFailures.Select(f => $" [{f.Key}: {f.Value}]"))}");
        foreach (var m in Memory)
        {
            sb.AppendLine($"  gateway {m.When,-20}: {m.Connections,6} connections, heap {Stats.F(m.HeapMb, "F1")} MB, RSS {Stats.F(m.RssMb, "F1")} MB");
        }
        var (heap, rss, n) = PerConnection();
        sb.AppendLine($"  per connection ({n} opened): heap {Stats.F(heap / 1024, "F1")} KB, RSS {Stats.F(rss / 1024, "F1")} KB; during the load heap mean {Stats.F(DuringLoad.HeapMeanMb, "F0")} MB max {Stats.F(DuringLoad.HeapMaxMb, "F0")} MB, RSS max {Stats.F(DuringLoad.RssMaxMb, "F0")} MB");
        var r = ResidentLatency(driver);
        sb.AppendLine($"latency ms             count     p50     p90     p99   p99.9     max");
        void Line(string name, Percentiles p) => sb.AppendLine($"  {name,-20} {p.Count,6} {Stats.Ms(p.P50),7} {Stats.Ms(p.P90),7} {Stats.Ms(p.P99),7} {Stats.Ms(p.P999),7} {Stats.Ms(p.Max),7}");
        Line("POST → resident 1st", r.First);
        Line("POST → resident asgn", r.Assigned);
        Line("`assigned` at → board", Stats.Of(Crowd.EventToBoard));
        Line("`assigned` at → cadre", Stats.Of(Crowd.EventToCadre));
        Line("`assigned` at → res.", Stats.Of(Crowd.EventToResident));
        Line("202 → resident watch", Stats.Of(Crowd.AnswerToWatching));
        sb.AppendLine($"  gateway's own delay (update in → handed to SignalR; per-second percentiles over the load): p50 {Stats.F(GatewayDelay.P50, "F2")} p95 {Stats.F(GatewayDelay.P95, "F2")} p99 {Stats.F(GatewayDelay.P99, "F2")} ms, worst second's p99 {Stats.F(GatewayDelay.WorstP99, "F1")} ms; held for a predecessor {Stats.F(GatewayDelay.Held)}");
        sb.Append($"  residents watching a measured case {r.Watching}: no push {r.NoPush}, no `assigned` {r.NoAssigned}; pushes out of order {Crowd.ResidentOutOfOrder}, seq gaps {Crowd.ResidentGaps}");
        return sb.ToString();
    }

    /// <summary>The report's s3 section (Markdown).</summary>
    public string Section(Driver driver)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## S3 connections (goal: 10,000 on one gateway while 100 cases/s flow, push p99 ≤ 250 ms, memory per connection)");
        sb.AppendLine();
        sb.AppendLine($"{Boards} boards ({_options.BoardsPerCommunity} per community, dispatcher tokens, `WatchCommunity`), {Cadres} cadres (own group on connect), {Residents} residents (`WatchCase` with the tracking token of a prefill case: {PrefillAccepted} accepted at {_options.PrefillRate}/s, {PrefillFailed} errors, so ~{Residents / Math.Max(1, PrefillAccepted)} residents per case). " +
            "The bench's clients are minimal SignalR JSON-protocol clients on raw WebSockets (no negotiation, one shared HTTP handler). During the load each new case's resident connects right after the 202 and one prefill resident leaves (churn), so the count stays at N.");
        sb.AppendLine();
        sb.AppendLine("| connect phase | asked | connected | failed | seconds | per second | one connect p50 / p99 ms |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var p in Phases)
        {
            sb.AppendLine($"| {p.Name} | {p.Asked} | {p.Connected} | {p.Failures.Values.Sum()}{string.Concat(p.Failures.Select(f => $" ({f.Key}: {f.Value})"))} | {p.Seconds:F1} | {p.Connected / Math.Max(p.Seconds, 0.001):F0} | {Stats.Ms(p.Latency.P50)} / {Stats.Ms(p.Latency.P99)} |");
        }
        sb.AppendLine($"| churn during the load | {Crowd.ChurnConnected + Crowd.ChurnFailed} | {Crowd.ChurnConnected} | {Crowd.ChurnFailed} | | | 202 → watching p50 {Stats.Ms(Stats.Of(Crowd.AnswerToWatching).P50)} / p99 {Stats.Ms(Stats.Of(Crowd.AnswerToWatching).P99)} |");
        sb.AppendLine();
        sb.AppendLine($"Open at the end: {Crowd.Count} ({Crowd.CountOf(ListenerKind.Board)} boards, {Crowd.CountOf(ListenerKind.Cadre)} cadres, {Crowd.CountOf(ListenerKind.Resident)} residents); dropped by the server or network during the run: {Crowd.DroppedCount}.");
        sb.AppendLine();
        if (!Crowd.DropReasons.IsEmpty)
        {
            sb.AppendLine("Dropped, by kind, ten-second window and reason: " + string.Join("; ", Crowd.DropReasons.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} × {d.Value}")));
            sb.AppendLine();
        }
        sb.AppendLine("### Gateway memory");
        sb.AppendLine();
        sb.AppendLine("| when | connections | managed heap (after a full GC) | RSS | GC committed |");
        sb.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var m in Memory)
        {
            sb.AppendLine($"| {m.When} | {m.Connections} | {Stats.F(m.HeapMb, "F1")} MB | {Stats.F(m.RssMb, "F1")} MB | {Stats.F(m.CommittedMb, "F1")} MB |");
        }
        sb.AppendLine($"| during the load (no forced GC; heap after each GC) | | mean {Stats.F(DuringLoad.HeapMeanMb, "F1")} MB, max {Stats.F(DuringLoad.HeapMaxMb, "F1")} MB | max {Stats.F(DuringLoad.RssMaxMb, "F1")} MB | gen2 GCs: {Stats.F(DuringLoad.Gen2)} |");
        var (heap, rss, n) = PerConnection();
        sb.AppendLine();
        sb.AppendLine($"**Per connection** ({n} cadres and residents opened between the first two readings): managed heap **{Stats.F(heap / 1024, "F1")} KB**, RSS **{Stats.F(rss / 1024, "F1")} KB**. " +
            "The heap is read with dotnet-counters (System.Runtime, `dotnet.gc.last_collection.heap.size`) right after a full GC induced through an EventPipe session; RSS from /proc.");
        sb.AppendLine();
        var r = ResidentLatency(driver);
        sb.AppendLine("### Push latency by listener (ms, HdrHistogram)");
        sb.AppendLine();
        sb.AppendLine(Percentiles.TableHead);
        sb.AppendLine(r.First.Row("POST → resident, first push of their case (connected after the 202)"));
        sb.AppendLine(r.Assigned.Row("POST → resident, `assigned`"));
        sb.AppendLine(Stats.Of(Crowd.EventToBoard).Row("`assigned` event time → board (the fan-out's share: registry grain, observer, gateway)"));
        sb.AppendLine(Stats.Of(Crowd.EventToCadre).Row("`assigned` event time → cadre"));
        sb.AppendLine(Stats.Of(Crowd.EventToResident).Row("`assigned` event time → resident"));
        sb.AppendLine();
        sb.AppendLine($"The gateway's `gongzhi.push.latency` histogram (read with dotnet-counters: from the case event in the grain to its push being handed to SignalR, so the registry grain and the observer call included, per-second percentiles averaged over the load): p50 **{Stats.F(GatewayDelay.P50, "F2")} ms**, p95 {Stats.F(GatewayDelay.P95, "F2")} ms, p99 **{Stats.F(GatewayDelay.P99, "F2")} ms**, worst second's p99 {Stats.F(GatewayDelay.WorstP99, "F1")} ms; updates held for a missing predecessor (up to 250 ms): {Stats.F(GatewayDelay.Held)}.");
        sb.AppendLine();
        sb.AppendLine($"Residents watching a case of the measured load: {r.Watching}; saw no push of it: {r.NoPush}; no `assigned`: {r.NoAssigned} (it can come before the resident is watching: a real client fetches the case on connect). Pushes to a resident out of seq order: **{Crowd.ResidentOutOfOrder}**; seq gaps seen: {Crowd.ResidentGaps}. " +
            "Event time → push uses the event's `at` (the silo's clock) and this machine's clock at arrival: same machine, same clock.");
        sb.AppendLine();
        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Crowd.DisposeAsync();
        if (_counters is not null)
        {
            await _counters.DisposeAsync();
        }
    }
}
