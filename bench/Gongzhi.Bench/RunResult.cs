using System.Text;

namespace Gongzhi.Bench;

public sealed record SecondRow(int Second, long Offered, long Accepted, long Errors, long BoardPushes, long CadrePushes, double CadreP50, double CadreP99, double PostP99,
    double SiloCpu, double GatewayCpu, double AzuriteCpu, double BenchCpu, double MachineCpu, double ProbeMax, double SiloGcMs, double GatewayGcMs,
    double SiloJitMs, double GatewayJitMs);

/// <summary>The figures of one run, computed after the drain from what the driver and the listeners recorded.</summary>
public sealed class RunResult
{
    public required Options Options { get; init; }
    public required double LoadSeconds { get; init; }
    public required long Sent { get; init; }
    public required long Accepted { get; init; }
    public required long Failed { get; init; }
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }
    public required long NeverPushedToCadre { get; init; }
    public required long NeverPushedToBoard { get; init; }
    public required long NoAssignedOnBoard { get; init; }
    public required long UnknownPushedCases { get; init; }
    public required Percentiles PostToAnswer { get; init; }
    public required Percentiles PostToBoardFirst { get; init; }
    public required Percentiles PostToBoardAssigned { get; init; }
    public required Percentiles PostToCadre { get; init; }
    public required Percentiles SendLag { get; init; }
    public required double AcceptedPerSecond { get; init; }
    public required double MinAcceptedPerSecond { get; init; }
    public required IReadOnlyList<SecondRow> Seconds { get; init; }
    public required IReadOnlyList<string> ProcNames { get; init; }
    public required (double MeanCpu, double MaxCpu, double MaxRss, double GcMs, double JitMs)[] Procs { get; init; }
    public required double MachineCpu { get; init; }
    public required int Connections { get; init; }
    public required long ConnectionsClosed { get; init; }
    public required IReadOnlyDictionary<string, long> EventTypes { get; init; }
    public required Percentiles AzuriteProbe { get; init; }
    public required IReadOnlyList<(string Table, long Rows)> Tables { get; init; }

    public static RunResult Analyse(Options options, Driver driver, IPushListeners listeners, Series series, ProcSampler sampler, double samplerOffset, double loadSeconds, AzuriteProbe probe, IReadOnlyList<(string Table, long Rows)> tables)
    {
        var post = Stats.NewHistogram();
        var boardFirst = Stats.NewHistogram();
        var boardAssigned = Stats.NewHistogram();
        var cadre = Stats.NewHistogram();
        var last = Math.Min(series.Length, options.Seconds + options.DrainSeconds + 5);
        var perSecondCadre = Enumerable.Range(0, last).Select(_ => Stats.NewHistogram()).ToArray();
        var perSecondPost = Enumerable.Range(0, last).Select(_ => Stats.NewHistogram()).ToArray();
        long neverCadre = 0, neverBoard = 0, noAssigned = 0, unknown = 0;
        foreach (var t in driver.Cases.Values)
        {
            if (t.Answered == 0)
            {
                unknown++; // pushed, but no 202 of this run names it
                continue;
            }
            var s = Math.Clamp(driver.SecondOf(t.Sent), 0, last - 1);
            post.RecordValue(Stats.Micros(t.Sent, t.Answered));
            perSecondPost[s].RecordValue(Stats.Micros(t.Sent, t.Answered));
            if (t.BoardFirst != 0) boardFirst.RecordValue(Stats.Micros(t.Sent, t.BoardFirst)); else neverBoard++;
            if (t.BoardAssigned != 0) boardAssigned.RecordValue(Stats.Micros(t.Sent, t.BoardAssigned)); else noAssigned++;
            if (t.CadreAssigned != 0)
            {
                cadre.RecordValue(Stats.Micros(t.Sent, t.CadreAssigned));
                perSecondCadre[s].RecordValue(Stats.Micros(t.Sent, t.CadreAssigned));
            }
            else
            {
                neverCadre++;
            }
        }

        var samples = sampler.Samples.ToList();
        double At(int second, Func<ProcSampler.Sample, double> f)
        {
            var match = samples.Where(x => x.At - samplerOffset > second && x.At - samplerOffset <= second + 1).Select(f).ToList();
            return match.Count > 0 ? match.Average() : double.NaN;
        }
        double SumAt(int second, Func<ProcSampler.Sample, double> f)
        {
            var match = samples.Where(x => x.At - samplerOffset > second && x.At - samplerOffset <= second + 1).Select(f).Where(v => !double.IsNaN(v)).ToList();
            return match.Count > 0 ? match.Sum() : double.NaN;
        }
        var rows = Enumerable.Range(0, last).Select(s => new SecondRow(s, series.Offered[s], series.Accepted[s], series.Errors[s], series.BoardPushes[s], series.CadrePushes[s],
            perSecondCadre[s].TotalCount > 0 ? perSecondCadre[s].GetValueAtPercentile(50) / 1000d : double.NaN,
            perSecondCadre[s].TotalCount > 0 ? perSecondCadre[s].GetValueAtPercentile(99) / 1000d : double.NaN,
            perSecondPost[s].TotalCount > 0 ? perSecondPost[s].GetValueAtPercentile(99) / 1000d : double.NaN,
            At(s, x => x.Cpu[0]), At(s, x => x.Cpu[1]), At(s, x => x.Cpu[2]), At(s, x => x.Cpu[3]), At(s, x => x.MachineCpu), probe.MaxPerSecond[s] > 0 ? probe.MaxPerSecond[s] : double.NaN,
            SumAt(s, x => x.GcMs[0]), SumAt(s, x => x.GcMs[1]), SumAt(s, x => x.JitMs[0]), SumAt(s, x => x.JitMs[1]))).ToList();
        // Sustained rate: the load window without its first and last second.
        var inner = rows.Skip(1).Take(Math.Max(1, options.Seconds - 2)).Select(r => (double)r.Accepted).ToList();
        var procs = sampler.Summary(samplerOffset, samplerOffset + loadSeconds + 1, out var machine);
        return new RunResult
        {
            Options = options,
            LoadSeconds = loadSeconds,
            Sent = driver.Sent,
            Accepted = driver.Accepted,
            Failed = driver.Failed,
            ErrorsByKind = driver.ErrorsByKind.ToDictionary(),
            NeverPushedToCadre = neverCadre,
            NeverPushedToBoard = neverBoard,
            NoAssignedOnBoard = noAssigned,
            UnknownPushedCases = unknown,
            PostToAnswer = Stats.Of(post),
            PostToBoardFirst = Stats.Of(boardFirst),
            PostToBoardAssigned = Stats.Of(boardAssigned),
            PostToCadre = Stats.Of(cadre),
            SendLag = Stats.Of(driver.SendLag),
            AcceptedPerSecond = driver.Accepted / Math.Max(loadSeconds, 1),
            MinAcceptedPerSecond = inner.Count > 0 ? inner.Min() : double.NaN,
            Seconds = rows,
            ProcNames = sampler.Names,
            Procs = procs,
            MachineCpu = machine,
            Connections = listeners.Count,
            ConnectionsClosed = listeners.DroppedCount,
            EventTypes = listeners.EventTypes.ToDictionary(),
            AzuriteProbe = Stats.Of(probe.Latency),
            Tables = tables,
        };
    }

    public string Summary(BaselineResults? b)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"scenario {Options.Scenario}: offered {Sent} in {LoadSeconds:F1} s ({(Options.ClosedLoop ? "closed loop" : $"{Options.Rate}/s")}), accepted {Accepted} ({AcceptedPerSecond:F1}/s, lowest second {Stats.F(MinAcceptedPerSecond)}), errors {Failed}");
        foreach (var (kind, n) in ErrorsByKind.OrderByDescending(e => e.Value))
        {
            sb.AppendLine($"  error {kind}: {n}");
        }
        sb.AppendLine(Options.IntakeOnly
            ? "accepted but never pushed: not counted (s5: the intake worker is off; the intake audit checks the queue)"
            : $"accepted but never pushed: to the cadre {NeverPushedToCadre}, to the board {NeverPushedToBoard} (no `assigned` on the board: {NoAssignedOnBoard})");
        sb.AppendLine($"latency ms             count     p50     p90     p99   p99.9     max");
        void Line(string n, Percentiles p) => sb.AppendLine($"  {n,-20} {p.Count,6} {Stats.Ms(p.P50),7} {Stats.Ms(p.P90),7} {Stats.Ms(p.P99),7} {Stats.Ms(p.P999),7} {Stats.Ms(p.Max),7}");
        Line("POST → 202", PostToAnswer);
        Line("POST → board (1st)", PostToBoardFirst);
        Line("POST → board assigned", PostToBoardAssigned);
        Line("POST → cadre push", PostToCadre);
        Line("Azurite probe read", AzuriteProbe);
        for (var i = 0; i < ProcNames.Count; i++)
        {
            var gc = double.IsNaN(Procs[i].GcMs) ? "" : $", GC pauses {Stats.F(Procs[i].GcMs)} ms, JIT {Stats.F(Procs[i].JitMs)} ms";
            sb.AppendLine($"  {ProcNames[i],-8} CPU mean {Stats.F(Procs[i].MeanCpu)} % max {Stats.F(Procs[i].MaxCpu)} %, RSS max {Stats.F(Procs[i].MaxRss)} MB{gc}");
        }
        sb.Append($"  machine CPU mean {Stats.F(MachineCpu)} % of {Environment.ProcessorCount} cores");
        if (b is not null)
        {
            sb.AppendLine();
            sb.Append($"ceilings: bare Kestrel {b.KestrelPerSecond:F0}/s, Azurite table upserts {b.TableUpsertsPerSecond:F0}/s, queue sends {b.QueueSendsPerSecond:F0}/s");
        }
        return sb.ToString();
    }
}
