using System.Globalization;
using System.Text;

namespace Gongzhi.Bench;

/// <summary>The chaos run's figures, printed and written as markdown under docs/reliability/.</summary>
public static class ChaosReport
{
    /// <summary>An Azurite kill loses what its store had not yet saved (LokiJS autosaves every 5 s): a 202 this close before one is marked.</summary>
    private const double AzuriteWindow = 6;

    public sealed record KillFigures(ChaosKill Kill, int Intake503, double Span503, double SpanUnavailable, int Refused, int Timeouts, int Other, int Staff5xx);

    public static List<KillFigures> PerKill(Chaos chaos)
    {
        var failures = chaos.Failures.ToArray();
        var kills = chaos.Kills.OrderBy(k => k.At).ToList();
        var rows = new List<KillFigures>();
        for (var i = 0; i < kills.Count; i++)
        {
            var from = kills[i].At;
            var to = i + 1 < kills.Count ? kills[i + 1].At : double.MaxValue;
            var window = failures.Where(f => f.At >= from && f.At < to).ToList();
            var intake503 = window.Where(f => f.Intake && f.Kind == "503").ToList();
            var intake = window.Where(f => f.Intake).ToList();
            rows.Add(new(kills[i], intake503.Count, intake503.Count == 0 ? 0 : intake503.Max(f => f.At) - from, intake.Count == 0 ? 0 : intake.Max(f => f.At) - from,
                window.Count(f => f.Intake && f.Kind == "refused"), window.Count(f => f.Intake && f.Kind == "timeout"),
                window.Count(f => f.Intake && f.Kind is not ("503" or "refused" or "timeout")), window.Count(f => !f.Intake && f.Kind.StartsWith('5'))));
        }
        return rows;
    }

    public static bool NearAzuriteKill(Chaos chaos, ChaosSubmission s) => NearAzuriteKill(chaos, s.AcceptedAt);

    /// <summary>Whether something written at <paramref name="at"/> may have been in Azurite's unsaved 5 s when it was killed.</summary>
    public static bool NearAzuriteKill(Chaos chaos, double at) =>
        at >= 0 && chaos.Kills.Any(k => k.Target == "azurite" && at <= k.At && k.At - at <= AzuriteWindow);

    /// <summary>The last kill at or before <paramref name="at"/>, as "target +N s", or "-".</summary>
    public static string LastKillBefore(Chaos chaos, double at) =>
        chaos.Kills.Where(k => k.At <= at).MaxBy(k => k.At) is { } k ? $"{k.Target} +{at - k.At:F1} s" : "-";

    public static string Summary(Chaos chaos, ChaosAudit audit, string machine)
    {
        var accepted = chaos.Submissions.Count(s => s.AcceptedAt >= 0);
        var lastKill = chaos.Kills.Count == 0 ? 0 : chaos.Kills.Max(k => k.At);
        var byTarget = string.Join(", ", chaos.Kills.GroupBy(k => k.Target).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var per = PerKill(chaos);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"  kills survived: {chaos.Kills.Count} ({byTarget})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  submissions: {chaos.Submissions.Count} sent, {accepted} answered 202, {chaos.Submissions.Count(s => s.GaveUp is not null)} never 202 (gave up), {chaos.Submissions.Sum(s => s.Attempts) - chaos.Submissions.Count} retries");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  LOST (202, yet `submitted` or unknown at the audit): {audit.Lost.Count}: {audit.Lost.Count(s => s.DispatchedAt >= 0)} of them seen dispatched during the run, " +
            $"{audit.Lost.Count(s => audit.PoisonCases.Contains(s.CaseId!))} in intake-poison, {audit.Lost.Count(s => NearAzuriteKill(chaos, s))} answered ≤{AzuriteWindow} s before an Azurite kill");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  DOUBLED: {audit.Doubled} (timeline with >1 `submitted`: {audit.DoubledTimeline.Count}; twice in the open list: {audit.DoubledInList.Count})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  MISSING from the community's open list: {audit.MissingFromList.Count} ({audit.MissingFromList.Count(s => NearAzuriteKill(chaos, s.DispatchedAt))} dispatched ≤{AzuriteWindow} s before an Azurite kill); full case unreadable: {audit.NoFullCase.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  staff actions with a 2xx: {chaos.Actions.Count} ({chaos.Actions.Count(a => a.Type == "acknowledged")} acknowledged, {chaos.Actions.Count(a => a.Type == "resolved")} resolved) of {chaos.StaffAttempts} tried; MISSING from the timeline: {audit.MissingActions.Count} ({audit.MissingActions.Count(a => NearAzuriteKill(chaos, a.At))} ≤{AzuriteWindow} s before an Azurite kill)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  intake 503 s per kill: {string.Join(", ", per.Select(p => $"{p.Kill.Target} {p.Span503:F1}"))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  intake unavailable s per kill (any failure: 503, refused, reset, timeout): {string.Join(", ", per.Select(p => $"{p.Kill.Target} {p.SpanUnavailable:F1}"))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  recovery (last kill at {lastKill:F0} s → every 202 dispatched): {(chaos.RecoveredAt < 0 ? "not recovered" : $"{Math.Max(0, chaos.RecoveredAt - lastKill):F1} s")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  intake-poison: {audit.PoisonCount} messages ({audit.PoisonCases.Count} cases); intake queues left: {audit.IntakeLeft}");
        sb.Append(CultureInfo.InvariantCulture, $"  machine: {machine}");
        return sb.ToString();
    }

    public static async Task<string> WriteAsync(string root, Options o, string stamp, Chaos chaos, ChaosAudit audit, string machineBefore, string machineAfter, string work)
    {
        var sb = new StringBuilder();
        var accepted = chaos.Submissions.Where(s => s.AcceptedAt >= 0).ToList();
        var lastKill = chaos.Kills.Count == 0 ? 0 : chaos.Kills.Max(k => k.At);
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Chaos run {stamp}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"`{o.CommandLine}` — {o.Seconds} s, {o.Rate}/s submissions, {o.StaffRate}/s staff actions, a SIGKILL every {o.KillEvery} s, restart after {o.DownSeconds} s; " +
            $"2 silos, 2 gateways, 1 Azurite (data on disk); world {o.Communities} communities × {o.CadresPerCommunity} cadres. Logs were in `{work}`. How to read it: `docs/reliability.md`.");
        sb.AppendLine();
        sb.AppendLine("## Figures");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(Summary(chaos, audit, machineAfter));
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("| --- | --- |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| submissions sent / 202 / never 202 | {chaos.Submissions.Count} / {accepted.Count} / {chaos.Submissions.Count(s => s.GaveUp is not null)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **lost** (202, yet `submitted` or unknown at the audit, after ≤{o.RecoverySeconds} s of recovery{(o.FinalRestart ? " and a rolling restart of the silos" : "")}) | **{audit.Lost.Count}** ({audit.Lost.Count(s => s.DispatchedAt >= 0)} seen dispatched during the run) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **doubled** (>1 `submitted` event, or twice in the open list) | **{audit.Doubled}** |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **missing from the community's open list** (dispatched, not closed) | **{audit.MissingFromList.Count}** |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| staff actions 2xx (acknowledged / resolved) | {chaos.Actions.Count} ({chaos.Actions.Count(a => a.Type == "acknowledged")} / {chaos.Actions.Count(a => a.Type == "resolved")}) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **staff actions missing from the timeline** | **{audit.MissingActions.Count}** |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| recovery: last kill → every 202 dispatched | {(chaos.RecoveredAt < 0 ? "not recovered" : $"{Math.Max(0, chaos.RecoveredAt - lastKill):F1} s")} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| `intake-poison` messages (cases) | {audit.PoisonCount} ({audit.PoisonCases.Count}) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| `intake-v2` + `intake` messages left | {audit.IntakeLeft} |");
        sb.AppendLine();
        sb.AppendLine("## Kills");
        sb.AppendLine();
        sb.AppendLine("Failures counted from the kill to the next kill. *503 s* = last intake 503 − kill time (0 = none); *unavailable s* = the same for any failed intake request (503, refused, reset, 10 s timeout).");
        sb.AppendLine();
        sb.AppendLine("| # | target | at s | back (listening) s | intake 503s | 503 s | unavailable s | refused | timeouts | other | staff 5xx |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var p in PerKill(chaos))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {p.Kill.Number} | {p.Kill.Target} | {p.Kill.At:F0} | {p.Kill.ListeningAt - p.Kill.At:F1} | {p.Intake503} | {p.Span503:F1} | {p.SpanUnavailable:F1} | {p.Refused} | {p.Timeouts} | {p.Other} | {p.Staff5xx} |");
        }
        sb.AppendLine();
        var failureKinds = chaos.Failures.GroupBy(f => (f.Intake ? "intake " : "staff ") + f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"All failed requests: {string.Join(", ", failureKinds)}.");
        sb.AppendLine();
        if (audit.Lost.Count > 0)
        {
            sb.AppendLine("## Lost cases (first 30)");
            sb.AppendLine();
            sb.AppendLine("| case | 202 at s | gateway | in intake-poison | ≤6 s before an Azurite kill | last kill before 202 | dispatched at s (run) | status at audit |");
            sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var s in audit.Lost.OrderBy(s => s.AcceptedAt).Take(30))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.CaseId} | {s.AcceptedAt:F1} | {s.AcceptedBy + 1} | {audit.PoisonCases.Contains(s.CaseId!)} | {NearAzuriteKill(chaos, s)} | {LastKillBefore(chaos, s.AcceptedAt)} | {(s.DispatchedAt < 0 ? "never" : s.DispatchedAt.ToString("F1", CultureInfo.InvariantCulture))} | {s.FinalStatus ?? "(no answer)"} |");
            }
            sb.AppendLine();
        }
        if (audit.MissingFromList.Count > 0)
        {
            sb.AppendLine("## Missing from the community's open list (first 30)");
            sb.AppendLine();
            sb.AppendLine("| case | community | 202 at s | dispatched at s | last kill before dispatch | status seen |");
            sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var s in audit.MissingFromList.OrderBy(s => s.DispatchedAt).Take(30))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.CaseId} | {s.CommunityId} | {s.AcceptedAt:F1} | {s.DispatchedAt:F1} | {LastKillBefore(chaos, s.DispatchedAt)} | {s.FinalStatus} |");
            }
            sb.AppendLine();
            sb.AppendLine("By the last kill before dispatch: " + string.Join(", ", audit.MissingFromList.GroupBy(s => chaos.Kills.Where(k => k.At <= s.DispatchedAt).MaxBy(k => k.At)?.Target ?? "none")
                .Select(g => $"{g.Key} {g.Count()}")) + $"; dispatched between {audit.MissingFromList.Min(s => s.DispatchedAt):F1} s and {audit.MissingFromList.Max(s => s.DispatchedAt):F1} s.");
            sb.AppendLine();
        }
        if (audit.MissingActions.Count > 0)
        {
            sb.AppendLine("## Staff actions missing (first 30)");
            sb.AppendLine();
            sb.AppendLine("| case | event | seq | 2xx at s | gateway | last kill before |");
            sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var a in audit.MissingActions.OrderBy(a => a.At).Take(30))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {a.CaseId} | {a.Type} | {a.Seq} | {a.At:F1} | {a.Gateway + 1} | {LastKillBefore(chaos, a.At)} |");
            }
            sb.AppendLine();
        }
        if (audit.DoubledTimeline.Count + audit.DoubledInList.Count > 0)
        {
            sb.AppendLine("## Doubled (first 30)");
            sb.AppendLine();
            foreach (var (s, n) in audit.DoubledTimeline.Take(30))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {s.CaseId}: {n} `submitted` events");
            }
            foreach (var (s, n) in audit.DoubledInList.Take(30))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {s.CaseId}: {n} times in the open list");
            }
            sb.AppendLine();
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine state at the start: {machineBefore}; at the end: {machineAfter}.");
        sb.AppendLine();
        await Report.AppendMachineAsync(sb, root);
        var dir = Path.Combine(root, "docs", "reliability");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"chaos-{stamp}.md");
        await File.WriteAllTextAsync(path, sb.ToString());
        return path;
    }

    /// <summary>Load and the other processes on the machine (other engineers' builds share it).</summary>
    public static string MachineState()
    {
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        var mine = Environment.ProcessId;
        int dotnet = 0, node = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == mine)
            {
                continue;
            }
            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                dotnet += comm == "dotnet" ? 1 : 0;
                node += comm == "node" ? 1 : 0;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return $"load average {load[0]} {load[1]} {load[2]} on {Environment.ProcessorCount} cores; {dotnet} dotnet and {node} node processes running (ours included)";
    }
}
