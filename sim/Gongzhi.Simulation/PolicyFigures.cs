using Gongzhi.Cases;
using Gongzhi.Domain;

namespace Gongzhi.Simulation;

/// <summary>The report's figures for one policy's month (definitions in docs/simulation.md).</summary>
public sealed record PolicyFigures(
    string Policy,
    IReadOnlyDictionary<CaseOutcome, int> Outcomes,
    int Submitted,
    double AcknowledgedOnTime,
    double ResolvedOnTime,
    IReadOnlyDictionary<CaseLevel, double> ResolvedAtLevel,
    double ReopenRate,
    double Satisfied,
    IReadOnlyDictionary<string, (int Cases, double DutyHours)> CadreLoads,
    double MaxOverMeanPerHour,
    double GiniPerHour,
    double MaxOverMeanCases,
    double GiniCases,
    double? AssignP50Minutes,
    double? AssignP95Minutes,
    double? SubmitP50Ms,
    double? SubmitP95Ms,
    double? SubmitMaxMs)
{
    public static PolicyFigures From(SimulationRun run)
    {
        var cases = run.Cases.Where(c => c.Last is not null).ToList();
        var end = run.End;
        var ackDue = cases.Where(c => First(c, CaseEventType.Acknowledged) is not null || c.FirstAcknowledgeBy <= end).ToList();
        var ackOnTime = ackDue.Count(c => First(c, CaseEventType.Acknowledged) is { } at && at <= c.FirstAcknowledgeBy);
        var resolveDue = cases.Where(c => First(c, CaseEventType.Resolved) is not null || c.FirstResolveBy <= end).ToList();
        var resolveOnTime = resolveDue.Count(c => First(c, CaseEventType.Resolved) is { } at && at <= c.FirstResolveBy);
        var resolved = cases.Where(c => c.Last!.ResolvedAtLevel is not null && CaseOutcomes.Of(c.Last) == CaseOutcome.Resolved).ToList();
        var everResolved = cases.Where(c => First(c, CaseEventType.Resolved) is not null).ToList();
        // An unsatisfied rating leaves the case resolved (and reopens it); any other closes it.
        var ratings = cases.SelectMany(c => c.Last!.Timeline.Where(e => e.Type == CaseEventType.Rated)).ToList();

        var loads = run.Cadres.ToDictionary(p => p.Id, p => (
            Cases: cases.Sum(c => c.Last!.Timeline.Count(e => e.Type == CaseEventType.Acknowledged && e.Actor == CaseActor.Cadre(p.Id).Id)),
            DutyHours: run.Duty.Hours(p.Id, end)));
        var perHour = loads.Values.Where(l => l.DutyHours > 0).Select(l => l.Cases / l.DutyHours).ToList();
        var counts = loads.Values.Select(l => (double)l.Cases).ToList();

        var toAssign = Sorted(cases.Select(c => First(c, CaseEventType.Assigned) is { } at ? (at - c.Last!.SubmittedAt).TotalMinutes : (double?)null));
        var submitMs = Sorted(cases.Select(c => (double?)c.SubmitMilliseconds));
        return new PolicyFigures(
            run.Policy,
            run.Cases.GroupBy(c => CaseOutcomes.Of(c.Last)).ToDictionary(g => g.Key, g => g.Count()),
            run.Cases.Count,
            Share(ackOnTime, ackDue.Count),
            Share(resolveOnTime, resolveDue.Count),
            Enum.GetValues<CaseLevel>().ToDictionary(l => l, l => Share(resolved.Count(c => c.Last!.ResolvedAtLevel == l), resolved.Count)),
            Share(everResolved.Count(c => c.Last!.ReopenCount > 0), everResolved.Count),
            Share(ratings.Count(e => e.Status == CaseStatus.Closed), ratings.Count),
            loads,
            LoadBalance.MaxOverMean(perHour),
            LoadBalance.Gini(perHour),
            LoadBalance.MaxOverMean(counts),
            LoadBalance.Gini(counts),
            KpiCalculator.NearestRank(toAssign, 50),
            KpiCalculator.NearestRank(toAssign, 95),
            KpiCalculator.NearestRank(submitMs, 50),
            KpiCalculator.NearestRank(submitMs, 95),
            submitMs.Count == 0 ? null : submitMs[^1]);
    }

    private static DateTimeOffset? First(TrackedCase c, CaseEventType type) => c.Last!.Timeline.FirstOrDefault(e => e.Type == type)?.At;

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;

    private static List<double> Sorted(IEnumerable<double?> values) => values.OfType<double>().Order().ToList();
}
