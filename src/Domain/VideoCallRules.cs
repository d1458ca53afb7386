using Gongzhi.Cases;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Domain;

/// <summary>
/// The live call of a scheduled video petition: its two parties, the resident and the official who accepted it,
/// join and leave, and each join and leave is a notice on the case's timeline. A party is in the call from one
/// session (a hub connection) at a time, so a retried join from the same session, or a join from a new session
/// while the old one never said goodbye (its gateway died), leaves no second event; a leave from a session that
/// is no longer the party's (it rejoined elsewhere) leaves none either.
/// </summary>
public static class VideoCallRules
{
    /// <summary>The party <paramref name="actor"/> is in this petition's call (<see cref="CallParties"/>), or null: nobody else takes part.</summary>
    public static string? PartyOf(VideoPetitionRecord record, CaseActor actor) =>
        actor == CaseActor.Resident ? CallParties.Resident
        : record.Official is { } official && official.Id == actor.Id ? CallParties.Official
        : null;

    /// <summary>The party joins from <paramref name="session"/>; refused unless the petition is scheduled and the actor is one of its two parties.</summary>
    public static VideoPetitionResult? Join(VideoPetitionRecord record, CaseActor actor, string session)
    {
        if (!record.Exists)
        {
            return VideoPetitionResult.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.PetitionNotFound, "No such video petition."));
        }

        if (PartyOf(record, actor) is not { } party)
        {
            return NotAParty();
        }

        if (record.Status != VideoPetitionStatus.Scheduled)
        {
            return VideoPetitionResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.PetitionWrongStatus,
                $"The petition is {record.Status}; only a scheduled one can be joined.",
                ("status", Refusal.Name(record.Status)), ("expected", Refusal.Name(VideoPetitionStatus.Scheduled))));
        }

        var wasIn = record.InCall.ContainsKey(party);
        record.InCall[party] = session;
        if (!wasIn)
        {
            record.Unsent.Add(new CaseNotice(CaseEventType.VideoCallJoined, actor.Id, actor.Name, null, record.PetitionId));
        }

        return null;
    }

    /// <summary>The party's session left the call; any status, since the outcome may be recorded before hanging up.</summary>
    public static VideoPetitionResult? Leave(VideoPetitionRecord record, CaseActor actor, string session)
    {
        if (PartyOf(record, actor) is not { } party)
        {
            return record.Exists ? NotAParty()
                : VideoPetitionResult.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.PetitionNotFound, "No such video petition."));
        }

        if (record.InCall.TryGetValue(party, out var current) && current == session)
        {
            record.InCall.Remove(party);
            record.Unsent.Add(new CaseNotice(CaseEventType.VideoCallLeft, actor.Id, actor.Name, null, record.PetitionId));
        }

        return null;
    }

    private static VideoPetitionResult NotAParty() =>
        VideoPetitionResult.Refused(CommandOutcome.Forbidden, Refusal.Of(RefusalCodes.NotAParty, "Only the petition's resident and the official who accepted it take part in its call."));
}
