using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// The escalation ladder: community → sub-district → county department (by category) → county leader.
/// A category with no department goes from the sub-district straight to the leader. Escalating gives
/// the new level a fresh resolve-by window; handing back goes one rung down with instructions.
/// </summary>
public static class EscalationLadder
{
    public static CaseLevel? Above(CaseRecord record) => record.Level switch
    {
        CaseLevel.Community => CaseLevel.Subdistrict,
        CaseLevel.Subdistrict => record.Terms?.DepartmentId is null ? CaseLevel.Leader : CaseLevel.Department,
        CaseLevel.Department => CaseLevel.Leader,
        _ => null,
    };

    public static CaseLevel? Below(CaseRecord record) => record.Level switch
    {
        CaseLevel.Leader => record.Terms?.DepartmentId is null ? CaseLevel.Subdistrict : CaseLevel.Department,
        CaseLevel.Department => CaseLevel.Subdistrict,
        CaseLevel.Subdistrict => CaseLevel.Community,
        _ => null,
    };

    /// <summary>
    /// The level holding the case acts on it: once it has climbed above the community, its cadre (still the resident's
    /// contact) no longer resolves or escalates it; an official of that level does.
    /// </summary>
    public static CaseTransition? CheckLevelActs(CaseRecord record, CaseActor actor) =>
        actor.CadreId is not null && record.Level != CaseLevel.Community
            ? CaseRefusals.Forbidden(RefusalCodes.LevelOfficialOnly, "The case is above the community: an official of its level acts on it.",
                ("level", Refusal.Name(record.Level)), ("levelOwnerId", record.LevelOwnerId))
            : null;

    /// <summary>Moves an unresolved case one level up, with the reason on the timeline.</summary>
    public static CaseTransition Escalate(CaseRecord record, CaseActor actor, string reason, DateTimeOffset now)
    {
        if (CheckLevelActs(record, actor) is { } refusal)
        {
            return refusal;
        }

        if (!record.IsUnresolved)
        {
            return CaseRefusals.NotOpen(record, "Only an open, unresolved case can be escalated.");
        }

        if (Above(record) is not { } next)
        {
            return CaseRefusals.Conflict(RefusalCodes.TopOfLadder, "The case is already with the county leader.", ("level", Refusal.Name(record.Level)));
        }

        record.Level = next;
        record.Deadlines = record.Deadlines with { ResolveBy = now + record.Terms!.ResolveWithin };
        return CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.Escalated, record.Status, now, actor, reason, record.LevelOwnerId));
    }

    /// <summary>Hands an unresolved case one level back down, with instructions for the level below.</summary>
    public static CaseTransition Return(CaseRecord record, CaseActor actor, string instructions, DateTimeOffset now)
    {
        if (!record.IsUnresolved)
        {
            return CaseRefusals.NotOpen(record, "Only an open, unresolved case can be handed back.");
        }

        if (Below(record) is not { } lower)
        {
            return CaseRefusals.Conflict(RefusalCodes.BottomOfLadder, "The case is already at the community.", ("level", Refusal.Name(record.Level)));
        }

        record.Level = lower;
        return CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.Returned, record.Status, now, actor, instructions, record.LevelOwnerId));
    }

    /// <summary>
    /// An official of the level the case is at takes responsibility for it there (接办). Taking it again changes nothing;
    /// once another official of the level has taken it, it is theirs until it moves.
    /// </summary>
    public static CaseTransition Take(CaseRecord record, CaseActor actor, DateTimeOffset now)
    {
        if (CheckLevelActs(record, actor) is { } refusal)
        {
            return refusal;
        }

        if (!record.IsUnresolved)
        {
            return CaseRefusals.NotOpen(record, "Only an open, unresolved case can be taken.");
        }

        if (record.Level == CaseLevel.Community)
        {
            return CaseRefusals.Conflict(RefusalCodes.NotAboveCommunity, "At the community the assigned cadre acknowledges the case.", ("level", Refusal.Name(record.Level)));
        }

        if (TakenBy(record) is { } holder)
        {
            return holder.Actor == actor.Id
                ? CaseTransition.Unchanged
                : CaseRefusals.Conflict(RefusalCodes.TakenByOther, "Another official of this level has taken the case.", ("takenBy", holder.ActorName ?? holder.Actor));
        }

        return CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.Taken, record.Status, now, actor, null, record.LevelOwnerId));
    }

    /// <summary>The taking of the case at its current level: a <c>Taken</c> event since it last moved (escalated, handed back or reopened), or null.</summary>
    public static CaseEvent? TakenBy(CaseRecord record)
    {
        for (var i = record.Timeline.Count - 1; i >= 0; i--)
        {
            var e = record.Timeline[i];
            if (e.Type == CaseEventType.Taken)
            {
                return e;
            }

            if (e.Type is CaseEventType.Escalated or CaseEventType.Returned or CaseEventType.Reopened)
            {
                return null;
            }
        }

        return null;
    }
}
