using Gongzhi.Cases;

namespace Gongzhi.Simulation;

/// <summary>
/// What must hold whatever the figures: every submitted case is accounted for, once; the community's open cases are
/// exactly the cases not closed; and no dispatch gave a case to a cadre who was off duty at that instant.
/// </summary>
public static class Invariants
{
    public static IReadOnlyList<string> Check(SimulationRun run)
    {
        var problems = new List<string>();
        var outcomes = run.Cases.GroupBy(c => CaseOutcomes.Of(c.Last)).ToDictionary(g => g.Key, g => g.Count());
        var missing = outcomes.GetValueOrDefault(CaseOutcome.Missing);
        if (missing > 0)
        {
            problems.Add($"{missing} submitted cases have no case grain state");
        }

        var notClosed = run.Cases.Where(c => c.Last is { Status: not CaseStatus.Closed }).Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);
        var extra = run.CommunityOpenCases.Except(notClosed).ToList();
        var absent = notClosed.Except(run.CommunityOpenCases).ToList();
        if (extra.Count + absent.Count > 0)
        {
            problems.Add($"the community's open cases differ from the cases not closed: {extra.Count} extra ({string.Join(", ", extra.Take(5))}), {absent.Count} absent ({string.Join(", ", absent.Take(5))})");
        }

        var idByName = run.Cadres.ToDictionary(c => c.Name, c => c.Id, StringComparer.Ordinal);
        foreach (var c in run.Cases)
        {
            foreach (var e in c.Last?.Timeline.Where(e => e.Type == CaseEventType.Assigned && e.Actor == CaseActor.System.Id) ?? [])
            {
                if (e.Note is null || !idByName.TryGetValue(e.Note, out var cadreId))
                {
                    problems.Add($"{c.CaseId} seq {e.Seq}: assigned to an unknown cadre '{e.Note}'");
                }
                else if (!run.Duty.WasOnDuty(cadreId, e.At))
                {
                    problems.Add($"{c.CaseId} seq {e.Seq}: assigned to {cadreId} at {e.At:u}, who was off duty");
                }
            }
        }

        return problems;
    }
}
