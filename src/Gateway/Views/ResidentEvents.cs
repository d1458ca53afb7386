using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>
/// What a resident reads of a case's events: who acted by role (and a cadre by display name), never staff account ids,
/// and none of the internal notes staff write to each other: why a cadre passed the case on, why a dispatcher moved it,
/// why it was sent up the ladder and what the level above told the level below, and other residents' cases.
/// </summary>
public static class ResidentEvents
{
    private static readonly HashSet<CaseEventType> Internal =
    [
        CaseEventType.Declined, CaseEventType.OfferExpired, CaseEventType.Reassigned, CaseEventType.Escalated, CaseEventType.Returned,
        CaseEventType.PossibleDuplicate, CaseEventType.ReporterJoined,
    ];

    public static CaseEvent ForResident(CaseEvent e)
    {
        var (actor, name) = Actor(e.Actor, e.ActorName);
        var internalStep = Internal.Contains(e.Type);
        return e with
        {
            Actor = actor,
            ActorName = name,
            Note = internalStep ? null : e.Note,
            Reference = internalStep ? null : e.Reference,
        };
    }

    public static IReadOnlyList<CaseEvent> ForResident(IReadOnlyList<CaseEvent> timeline) => timeline.Select(ForResident).ToArray();

    /// <summary>As another resident following the case after a merge reads it: also without the primary resident's own comments and photos.</summary>
    public static IReadOnlyList<CaseEvent> ForFollower(IReadOnlyList<CaseEvent> timeline) => timeline.Select(ForFollower).ToArray();

    public static CaseEvent ForFollower(CaseEvent e) => ForResident(e) is var read && read.Actor == CaseActor.Resident.Id ? read with { Note = null, Photos = null } : read;

    /// <summary>An actor as residents see it: the role (<c>cadre</c>, <c>dispatcher</c> …) and, for a cadre, the display name.</summary>
    public static (string Role, string? Name) Actor(string actorId, string? name)
    {
        var role = actorId.Split(':')[0];
        return (role, role == "cadre" ? name : null);
    }
}
