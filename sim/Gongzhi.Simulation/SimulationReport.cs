using System.Globalization;
using System.Text;
using Gongzhi.Cases;

namespace Gongzhi.Simulation;

/// <summary>The run's report: a line per policy on the console, and <c>results.md</c> with <c>results.png</c> in the output folder.</summary>
public static class SimulationReport
{
    public static string Summary(PolicyRun r)
    {
        var (run, f, problems) = (r.Run, r.Figures, r.Problems);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{run.Policy}: {f.Submitted} cases, {run.Events} events in {run.WallTime.TotalSeconds:F1} s; " +
            $"ack on time {P(f.AcknowledgedOnTime)}, resolved on time {P(f.ResolvedOnTime)}, in the community {P(f.ResolvedAtLevel[CaseLevel.Community])}, " +
            $"reopened {P(f.ReopenRate)}, load max/mean {N(f.MaxOverMeanPerHour)} (Gini {N(f.GiniPerHour)}) per duty hour, assign p50/p95 {M(f.AssignP50Minutes)}/{M(f.AssignP95Minutes)}");
        sb.Append(problems.Count == 0 ? "  invariants hold" : "  INVARIANTS BROKEN:\n    " + string.Join("\n    ", problems.Take(20)));
        return sb.ToString();
    }

    public static async Task WriteAsync(SimOptions o, IReadOnlyList<PolicyRun> runs)
    {
        Directory.CreateDirectory(o.Out);
        var md = Path.Combine(o.Out, "results.md");
        var png = Path.GetFullPath(Path.Combine(o.Out, "results.png"));
        var chart = o.Chart && await ReportChart.RenderAsync(runs.Where(r => r.Seed == o.Seed).Select(r => (r.Run, r.Figures)).ToList(), png);
        await File.WriteAllTextAsync(md, Markdown(o, runs, chart));
        Console.WriteLine($"report: {md}" + (chart ? $", {png}" : ""));
    }

    private static string Markdown(SimOptions o, IReadOnlyList<PolicyRun> runs, bool chart)
    {
        var sb = new StringBuilder();
        var first = runs[0].Run;
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Simulated month of Ximen — seed {o.Seed}, {o.Days} days from {first.Start:yyyy-MM-dd} (local), {o.Rate} cases per 1,000 residents a month");
        sb.AppendLine();
        var policies = runs.Select(r => r.Run.Policy).Distinct().ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project sim/Gongzhi.Simulation -- --seed {o.Seed} --seeds {o.Seeds} --days {o.Days} --rate {o.Rate} --policy {(policies.Count > 1 ? "all" : first.Policy)}{(o.World is null ? "" : $" --world {o.World}")}`");
        sb.AppendLine(CultureInfo.InvariantCulture, $"on {Environment.ProcessorCount} cores, load average before/after {MachineState.LoadAverage()}; definitions and parameters: docs/simulation.md.");
        sb.AppendLine();
        if (o.Seeds > 1)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Mean over the {o.Seeds} seeds (lowest–highest):");
            sb.AppendLine();
            sb.AppendLine("| policy | ack on time | resolved on time | resolved in community | reopened | load max/mean per duty hour | Gini | submit→assign p95 (h) |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var policy in policies)
            {
                var mine = runs.Where(r => r.Run.Policy == policy).Select(r => r.Figures).ToList();
                string Range(Func<PolicyFigures, double> pick, double scale, string format) =>
                    $"{(mine.Average(pick) * scale).ToString(format, CultureInfo.InvariantCulture)} ({(mine.Min(pick) * scale).ToString(format, CultureInfo.InvariantCulture)}–{(mine.Max(pick) * scale).ToString(format, CultureInfo.InvariantCulture)})";
                sb.AppendLine($"| {policy} | {Range(f => f.AcknowledgedOnTime, 100, "F1")} | {Range(f => f.ResolvedOnTime, 100, "F1")} | {Range(f => f.ResolvedAtLevel[CaseLevel.Community], 100, "F1")} | " +
                    $"{Range(f => f.ReopenRate, 100, "F1")} | {Range(f => f.MaxOverMeanPerHour, 1, "F2")} | {Range(f => f.GiniPerHour, 1, "F2")} | {Range(f => (f.AssignP95Minutes ?? 0) / 60, 1, "F1")} |");
            }

            sb.AppendLine();
            sb.AppendLine("Every run:");
            sb.AppendLine();
        }

        sb.AppendLine("| policy | cases | ack on time | resolved on time | resolved in community | sub-district / department / leader | reopened | satisfied | load max/mean (Gini) per duty hour | per cadre, raw | submit→assign p50 / p95 | machine dispatch p50 / p95 / max | wall time |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (seed, run, f, _) in runs)
        {
            var l = f.ResolvedAtLevel;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Policy}{(o.Seeds > 1 ? $", seed {seed}" : "")} | {f.Submitted} | {P(f.AcknowledgedOnTime)} | {P(f.ResolvedOnTime)} | {P(l[CaseLevel.Community])} | {P(l[CaseLevel.Subdistrict])} / {P(l[CaseLevel.Department])} / {P(l[CaseLevel.Leader])} | " +
                $"{P(f.ReopenRate)} | {P(f.Satisfied)} | {N(f.MaxOverMeanPerHour)} ({N(f.GiniPerHour)}) | {N(f.MaxOverMeanCases)} ({N(f.GiniCases)}) | {M(f.AssignP50Minutes)} / {M(f.AssignP95Minutes)} | " +
                $"{Ms(f.SubmitP50Ms)} / {Ms(f.SubmitP95Ms)} / {Ms(f.SubmitMaxMs)} | {run.WallTime.TotalSeconds:F0} s |");
        }

        sb.AppendLine();
        sb.AppendLine("Where the cases stood at the end (resolved + escalated + assigned + waiting = submitted), and the invariants:");
        sb.AppendLine();
        foreach (var (seed, run, f, problems) in runs)
        {
            var counts = string.Join(", ", Enum.GetValues<CaseOutcome>().Select(k => $"{k.ToString().ToLowerInvariant()} {f.Outcomes.GetValueOrDefault(k)}"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {run.Policy}, seed {seed}: {counts}; {(problems.Count == 0 ? "every invariant holds" : string.Join("; ", problems.Take(5)))}");
        }

        sb.AppendLine();
        var firstSeed = runs.Where(r => r.Seed == o.Seed).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Cases acknowledged per cadre (hours on duty), seed {o.Seed}:");
        sb.AppendLine();
        sb.AppendLine("| cadre | " + string.Join(" | ", firstSeed.Select(r => r.Run.Policy)) + " |");
        sb.AppendLine("| --- |" + string.Concat(firstSeed.Select(_ => " ---: |")));
        foreach (var cadre in first.Cadres)
        {
            sb.AppendLine($"| {cadre.Id} | " + string.Join(" | ", firstSeed.Select(r => r.Figures.CadreLoads[cadre.Id] is var x ? $"{x.Cases} ({x.DutyHours:F0} h)" : "")) + " |");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"By category, {first.Policy}, seed {o.Seed}:");
        sb.AppendLine();
        sb.Append(CategoryTable.Of(first));
        if (chart)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"![backlog and figures per policy, seed {o.Seed}](results.png)");
        }

        return sb.ToString();
    }

    private static string P(double share) => double.IsNaN(share) ? "–" : (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string N(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", CultureInfo.InvariantCulture);

    private static string M(double? minutes) => minutes is not { } m ? "–" : m < 1 ? "0 min" : m < 120 ? $"{m:F0} min" : $"{m / 60:F1} h";

    private static string Ms(double? ms) => ms is not { } m ? "–" : $"{m:F1} ms";
}
