using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// What passing deadlines do: a lapsed offer goes to the next cadre; a missed acknowledge-by is noted
/// once; a missed resolve-by is noted and escalates the case one level (with a fresh window there);
/// a resolved case not rated in time closes as no-response.
/// </summary>
public static class DeadlineRules
{
    public static CaseTransition Apply(CaseRecord record, DateTimeOffset now)
    {
        var result = CaseTransition.Unchanged;
        if (record.Submission is null || !record.IsOpen)
        {
            return result;
        }

        var d = record.Deadlines;
        if (record.Status == CaseStatus.Assigned && d.OfferExpiresAt <= now)
        {
            result = result.Then(CaseLifecycle.ExpireOffer(record, now));
        }

        if (record.Deadlines.AcknowledgeBy <= now && !record.AcknowledgeOverdueNoted && record.Status is CaseStatus.Accepted or CaseStatus.Assigned)
        {
            record.AcknowledgeOverdueNoted = true;
            result = result.Then(CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.AcknowledgeOverdue, record.Status, now, CaseActor.System, null)));
        }

        if (record.Deadlines.ResolveBy <= now && record.Status is not CaseStatus.Resolved)
        {
            result = result.Then(CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.ResolveOverdue, record.Status, now, CaseActor.System, WireName(record.Level))));
            var escalated = EscalationLadder.Escalate(record, CaseActor.System, "resolve-by deadline passed", now);
            if (escalated.Outcome == CommandOutcome.Ok)
            {
                result = result.Then(escalated);
            }
            else
            {
                record.Deadlines = record.Deadlines with { ResolveBy = null };
            }
        }

        if (record.Status == CaseStatus.Resolved && record.Deadlines.RateBy <= now)
        {
            record.Closure = CaseClosure.NoResponse;
            record.Deadlines = CaseDeadlines.None;
            result = result.Then(CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.ClosedNoResponse, CaseStatus.Closed, now, CaseActor.System, null)));
        }

        return result;
    }

    /// <summary>An enum value as the API spells it (camelCase), for notes people and pages read.</summary>
    internal static string WireName<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The earliest deadline still pending, for the community's deadline watch; null when none is.</summary>
    public static DateTimeOffset? Next(CaseRecord record)
    {
        if (!record.IsOpen)
        {
            return null;
        }

        var d = record.Deadlines;
        DateTimeOffset?[] pending =
        [
            record.Status == CaseStatus.Assigned ? d.OfferExpiresAt : null,
            record.AcknowledgeOverdueNoted ? null : d.AcknowledgeBy,
            record.Status == CaseStatus.Resolved ? null : d.ResolveBy,
            record.Status == CaseStatus.Resolved ? d.RateBy : null,
        ];
        return pending.Where(p => p is not null).Min();
    }
}
