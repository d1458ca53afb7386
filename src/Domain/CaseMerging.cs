using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// Duplicates merged (合并): a dispatcher closes a case as merged into a primary one, whose reporters then
/// follow it. A refused step changes nothing.
/// </summary>
public static class CaseMerging
{
    /// <summary>This case joins a primary one: closed as merged, its reporter following the primary.</summary>
    public static CaseTransition MergeInto(CaseRecord record, string primaryCaseId, CaseActor dispatcher, DateTimeOffset now)
    {
        if (CheckMerge(record, primaryCaseId) is { } refusal)
        {
            return refusal;
        }

        var released = record.HolderId;
        record.MergedInto = primaryCaseId;
        record.Closure = CaseClosure.Merged;
        record.Deadlines = CaseDeadlines.None;
        return CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.Merged, CaseStatus.Closed, now, dispatcher, null, primaryCaseId)) with { ReleasedCadreId = released };
    }

    /// <summary>Why the case may not be merged into <paramref name="primaryCaseId"/>; null when it may (asked before the primary is).</summary>
    public static CaseTransition? CheckMerge(CaseRecord record, string primaryCaseId)
    {
        if (record.Submission is null || !record.IsOpen)
        {
            return CaseRefusals.NotOpen(record, "Only an open case can be merged.");
        }

        if (primaryCaseId == record.CaseId)
        {
            return CaseRefusals.Conflict(RefusalCodes.MergeIntoSelf, "A case cannot be merged into itself.");
        }

        return null;
    }

    /// <summary>Another reporter's case now follows this one.</summary>
    public static CaseTransition AddFollower(CaseRecord record, string followerCaseId, CaseActor dispatcher, DateTimeOffset now)
    {
        if (record.Submission is null)
        {
            return CaseRefusals.NotFound();
        }

        if (!record.IsOpen || record.MergedInto is not null)
        {
            return CaseRefusals.NotOpen(record, "Only an open case that is not itself merged can take others.");
        }

        if (record.Followers.Contains(followerCaseId))
        {
            return CaseTransition.Unchanged;
        }

        record.Followers = [.. record.Followers, followerCaseId];
        return CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.ReporterJoined, record.Status, now, dispatcher, null, followerCaseId));
    }
}
