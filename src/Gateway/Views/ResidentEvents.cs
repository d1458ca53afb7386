using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>
/// What a resident reads of a case's events: who acted by role (and a cadre by display name), never staff
/// account ids, and not the internal reasons a cadre gave for passing the case on.
/// </summary>
public static class ResidentEvents
{
    private static readonly HashSet<CaseEventType> Internal = [CaseEventType.Declined, CaseEventType.OfferExpired, CaseEventType.Reassigned];

    public static CaseEvent ForResident(CaseEvent e)
    {
        var role = e.Actor.Split(':')[0];
        var internalStep = Internal.Contains(e.Type);
        return e with
        {
            Actor = role,
            ActorName = role == "cadre" ? e.ActorName : null,
            Note = internalStep ? null : e.Note,
            Reference = internalStep ? null : e.Reference,
        };
    }

    public static IReadOnlyList<CaseEvent> ForResident(IReadOnlyList<CaseEvent> timeline) => timeline.Select(ForResident).ToArray();
}
