using Gongzhi.Cadres;
using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>A community (key: community id): its roster and duty, the dispatch policy, the open-case index behind the board.</summary>
[Alias("gongzhi.ICommunityGrain")]
public interface ICommunityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Loads or refreshes the community from the seeds; duty and load already held are kept. A community an admin
    /// has changed keeps its description and roster as the admin left them.
    /// </summary>
    [Alias("Configure")]
    Task ConfigureAsync(CommunityDefinition definition);

    /// <summary>The public description, or null for a community nobody configured.</summary>
    [Alias("GetInfo")]
    Task<CommunityInfo?> GetInfoAsync();

    /// <summary>Every cadre with duty state and load.</summary>
    [Alias("GetRoster")]
    Task<IReadOnlyList<RosterEntry>> GetRosterAsync();

    /// <summary>A cadre's duty and the open cases they carry, or null for a cadre not in this community.</summary>
    [Alias("GetCadre")]
    Task<CadreView?> GetCadreAsync(string cadreId);

    /// <summary>The early warnings of collective grievances raised here, newest first (at most 50).</summary>
    [Alias("GetSurgeAlerts")]
    Task<IReadOnlyList<SurgeAlert>> GetSurgeAlertsAsync();

    /// <summary>Ids of the cases not yet closed, oldest first.</summary>
    [Alias("GetOpenCases")]
    Task<IReadOnlyList<string>> GetOpenCasesAsync();

    /// <summary>
    /// Gives an accepted case to an eligible on-duty cadre (not one of <paramref name="passedOver"/>), or keeps
    /// it waiting; answers with the case's mode and terms and any open case it may duplicate. Idempotent per case.
    /// </summary>
    [Alias("Dispatch")]
    Task<DispatchDecision> DispatchAsync(CaseSubmission submission, IReadOnlyList<string> passedOver);

    /// <summary>
    /// Decides as <see cref="DispatchAsync"/> does, but answers before its write is stored (the write is on its way), so
    /// the case stores its own row meanwhile. The case's row then holds the answer; the caller confirms with
    /// <see cref="ConfirmDispatchAsync"/> before it counts the case as done, and puts the case back with
    /// <see cref="RestoreDispatchAsync"/> when that fails (D16-dispatch-ahead).
    /// </summary>
    [Alias("DispatchAhead")]
    Task<DispatchDecision> DispatchAheadAsync(CaseSubmission submission, IReadOnlyList<string> passedOver);

    /// <summary>
    /// Answers once the community's stored state holds the case as <see cref="DispatchAheadAsync"/> answered (given to
    /// <paramref name="cadreId"/>, or waiting when null); fails when that write failed or the community no longer holds
    /// the case so (a new activation read what storage holds).
    /// </summary>
    [Alias("ConfirmDispatch")]
    Task ConfirmDispatchAsync(string caseId, string? cadreId);

    /// <summary>
    /// The case left <paramref name="releasedCadreId"/> (declined, lapsed, reopened) and needs a cadre again: frees them
    /// (a waiting case may take them) and dispatches it as <see cref="DispatchAsync"/> does, in one turn and one write.
    /// Idempotent per case, so a case whose own write then failed calls it again and finds the same answer.
    /// </summary>
    [Alias("Redispatch")]
    Task<DispatchDecision> RedispatchAsync(CaseSubmission submission, string? releasedCadreId, IReadOnlyList<string> passedOver);

    /// <summary>A dispatcher's choice of cadre; null with a reason when that cadre cannot take it.</summary>
    [Alias("AssignTo")]
    Task<ManualAssignment> AssignToAsync(string caseId, string category, string cadreId);

    /// <summary>The case left the cadre and needs no other (resolved, merged, reassigned by hand): their load drops.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string caseId, string cadreId);

    /// <summary>
    /// Brings the community's bookkeeping of a case into line with the case as stored: the cadre who holds it (none
    /// known: left as it is), or gone when closed. The case sends it after a restart or a failed write, since the
    /// community may have acted on a change (a release, a new cadre) that the case then failed to store.
    /// </summary>
    [Alias("SettleCase")]
    Task SettleCaseAsync(string caseId, string? cadreId, bool open);

    /// <summary>
    /// A case whose row was stored beside a dispatch the community never confirmed (<see cref="DispatchAheadAsync"/>): if
    /// the community does not hold it, puts it back as the row says (given to <paramref name="cadreId"/>, or waiting when
    /// null) and answers once that is stored. <see cref="SettleCaseAsync"/> then settles a case it holds otherwise.
    /// </summary>
    [Alias("RestoreDispatch")]
    Task RestoreDispatchAsync(CaseSubmission submission, string? cadreId, IReadOnlyList<string> passedOver);

    /// <summary>The case is closed: it leaves the board.</summary>
    [Alias("CaseClosed")]
    Task CaseClosedAsync(string caseId);

    /// <summary>A cadre goes on or off duty by hand; waiting cases are dispatched the moment someone eligible is on.</summary>
    [Alias("SetDuty")]
    Task<RosterEntry?> SetDutyAsync(string cadreId, bool onDuty);

    /// <summary>
    /// The case's earliest pending deadline (null: none), for the community's deadline watch, which asks the
    /// case to apply it when it passes. One-way, as it travels up the call chain; the watch is rebuilt from the
    /// open cases whenever the community activates, so a lost message delays nothing for long.
    /// </summary>
    [OneWay, Alias("TrackDeadline")]
    Task TrackDeadlineAsync(string caseId, DateTimeOffset? dueAt);

    /// <summary>
    /// The case heard of the cadre it was given while waiting (<see cref="ICaseGrain.OnAssignedAsync"/>); until it
    /// says so the community sends the news again, as a one-way message to a silo that just died is lost.
    /// </summary>
    [Alias("AssignmentHeard")]
    Task AssignmentHeardAsync(string caseId);

    /// <summary>Puts cadres on and off duty as their shifts begin and end; what the duty reminder calls.</summary>
    [Alias("ApplyShifts")]
    Task ApplyShiftsAsync();

    /// <summary>Every cadre's profile (categories, shifts, volunteer flag), for the admin page.</summary>
    [Alias("GetProfiles")]
    Task<IReadOnlyList<CadreProfile>> GetProfilesAsync();

    /// <summary>
    /// An admin adds a cadre or changes one (audited as <paramref name="actor"/>); duty follows the new shifts at once
    /// and waiting cases are offered again. Not found when the community is not configured.
    /// </summary>
    [Alias("PutCadre")]
    Task<WorldEdit> PutCadreAsync(CadreProfile profile, string actor);

    /// <summary>An admin takes a cadre off the roster; refused while they carry open cases (reassign them first).</summary>
    [Alias("RetireCadre")]
    Task<WorldEdit> RetireCadreAsync(string cadreId, string actor);

    /// <summary>An admin replaces the standing parties of the community's 7+X consultations.</summary>
    [Alias("SetStandingParties")]
    Task<WorldEdit> SetStandingPartiesAsync(IReadOnlyList<ConsultationParty> parties, string actor);

    /// <summary>The county's catalog changed: the community takes its categories and SLA classes (idempotent).</summary>
    [Alias("UseCatalog")]
    Task UseCatalogAsync(CountyCatalog catalog);
}
