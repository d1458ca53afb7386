using System.Globalization;
using System.Text;
using Gongzhi.Cases;
using Gongzhi.Domain;

namespace Gongzhi.Simulation;

/// <summary>Per category, for one run: where the waits and the late cases come from (a roster question more than a policy one).</summary>
public static class CategoryTable
{
    public static string Of(SimulationRun run)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| category | cases | acknowledged on time | resolved on time | submit→assign p95 | escalated at some point |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in run.Cases.Where(c => c.Last is not null).GroupBy(c => c.Arrival.Category).OrderByDescending(g => g.Count()))
        {
            var cases = group.ToList();
            var ackDue = cases.Where(c => First(c, CaseEventType.Acknowledged) is not null || c.FirstAcknowledgeBy <= run.End).ToList();
            var resolveDue = cases.Where(c => First(c, CaseEventType.Resolved) is not null || c.FirstResolveBy <= run.End).ToList();
            var toAssign = cases.Select(c => First(c, CaseEventType.Assigned) is { } at ? (at - c.Last!.SubmittedAt).TotalHours : (double?)null).OfType<double>().Order().ToList();
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {cases.Count} | {Share(ackDue.Count(c => First(c, CaseEventType.Acknowledged) <= c.FirstAcknowledgeBy), ackDue.Count)} | " +
                $"{Share(resolveDue.Count(c => First(c, CaseEventType.Resolved) <= c.FirstResolveBy), resolveDue.Count)} | " +
                $"{(KpiCalculator.NearestRank(toAssign, 95) is { } p ? $"{p:F1} h" : "–")} | {cases.Count(c => First(c, CaseEventType.Escalated) is not null)} |");
        }

        return sb.ToString();
    }

    private static DateTimeOffset? First(TrackedCase c, CaseEventType type) => c.Last!.Timeline.FirstOrDefault(e => e.Type == type)?.At;

    private static string Share(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
