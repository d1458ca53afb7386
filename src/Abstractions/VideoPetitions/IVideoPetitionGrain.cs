using Gongzhi.Cases;

namespace Gongzhi.VideoPetitions;

/// <summary>
/// One video petition (key: a new petition id). Each step is recorded on its case as a notice, so the
/// board, the cadre, the officials of the level and the resident hear it live with the case's push.
/// </summary>
[Alias("gongzhi.IVideoPetitionGrain")]
public interface IVideoPetitionGrain : IGrainWithStringKey
{
    /// <summary>Opens the petition for the case's current level; refused while the case has another open petition.</summary>
    [Alias("Request")]
    Task<VideoPetitionResult> RequestAsync(VideoPetitionRequest request);

    /// <summary>The petition, or null when nobody asked for it.</summary>
    [Alias("Get")]
    Task<VideoPetitionSnapshot?> GetAsync();

    /// <summary>An official of the level takes a time slot: the petition is scheduled with a join link.</summary>
    [Alias("Accept")]
    Task<VideoPetitionResult> AcceptAsync(CaseActor official, DateTimeOffset slot);

    /// <summary>The meeting took place: what was said and promised.</summary>
    [Alias("RecordOutcome")]
    Task<VideoPetitionResult> RecordOutcomeAsync(CaseActor official, string outcome);

    /// <summary>
    /// A party (the resident, or the official who accepted) joins the live call from <paramref name="session"/> (a hub connection):
    /// a <c>videoCallJoined</c> event on the case, once per stay in the call however often the join is retried.
    /// </summary>
    [Alias("JoinCall")]
    Task<VideoPetitionResult> JoinCallAsync(CaseActor party, string session);

    /// <summary>The party's <paramref name="session"/> left the call: a <c>videoCallLeft</c> event, unless that session was no longer theirs.</summary>
    [Alias("LeaveCall")]
    Task<VideoPetitionResult> LeaveCallAsync(CaseActor party, string session);

    /// <summary>Called off before it was held, by the requester or the official.</summary>
    [Alias("Cancel")]
    Task<VideoPetitionResult> CancelAsync(CaseActor actor, string? reason);
}
