namespace Gongzhi.Cases;

/// <summary>
/// One resident's case (key: case id): its state machine, timeline and deadlines. Every command may
/// carry the <c>expectedSeq</c> the caller last saw; a stale one is refused as a conflict and changes nothing.
/// </summary>
[Alias("gongzhi.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Takes a submission from the intake queue; a second delivery of the same submission changes nothing.</summary>
    [Alias("Submit")]
    Task SubmitAsync(CaseSubmission submission);

    /// <summary>
    /// As <see cref="SubmitAsync"/>, for a submission from the batched intake queue (<see cref="Intake.IntakeMessage.BatchedVersion"/>):
    /// its case is kept with others in shared partitions, where new cases are inserted many at once. A method of its
    /// own, so that a silo from before it refuses such a submission instead of keeping the case elsewhere. Either method
    /// finds a case with a client request id that the other stored (a retry through the other queue during an upgrade)
    /// (docs/architecture.md, D16-batched-inserts).
    /// </summary>
    [Alias("SubmitBatched")]
    Task SubmitBatchedAsync(CaseSubmission submission);

    /// <summary>The case, or null when no submission has reached it yet.</summary>
    [Alias("Get")]
    Task<CaseSnapshot?> GetAsync();

    /// <summary>The assigned cadre takes the case on (接单).</summary>
    [Alias("Acknowledge")]
    Task<CaseCommandResult> AcknowledgeAsync(string cadreId, int? expectedSeq = null);

    /// <summary>The assigned cadre turns the case down; it is offered to the next eligible cadre.</summary>
    [Alias("Decline")]
    Task<CaseCommandResult> DeclineAsync(string cadreId, string reason, int? expectedSeq = null);

    /// <summary>A dispatcher gives the case to a cadre of the community by hand.</summary>
    [Alias("Assign")]
    Task<CaseCommandResult> AssignAsync(CaseActor dispatcher, string cadreId, int? expectedSeq = null);

    /// <summary>A dispatcher changes how the case is handled.</summary>
    [Alias("ChangeMode")]
    Task<CaseCommandResult> ChangeModeAsync(CaseActor dispatcher, HandlingMode mode, int? expectedSeq = null);

    /// <summary>A step of the mode's workflow, by the assigned cadre or (for confirmations) the resident.</summary>
    [Alias("Step")]
    Task<CaseCommandResult> StepAsync(CaseActor actor, CaseStep step, int? expectedSeq = null);

    /// <summary>The matter is settled (办结): by the assigned cadre, or an official at the case's level; with the paths of up to 3 photos of the work done.</summary>
    [Alias("Resolve")]
    Task<CaseCommandResult> ResolveAsync(CaseActor actor, string note, IReadOnlyList<string>? photos = null, int? expectedSeq = null);

    /// <summary>Moves the case one level up the ladder.</summary>
    [Alias("Escalate")]
    Task<CaseCommandResult> EscalateAsync(CaseActor actor, string reason, int? expectedSeq = null);

    /// <summary>An official of the case's level takes responsibility for it there (接办); taking it again changes nothing.</summary>
    [Alias("Take")]
    Task<CaseCommandResult> TakeAsync(CaseActor official, int? expectedSeq = null);

    /// <summary>Hands the case one level back down with instructions.</summary>
    [Alias("Return")]
    Task<CaseCommandResult> ReturnAsync(CaseActor actor, string instructions, int? expectedSeq = null);

    /// <summary>The resident rates the outcome (回访): closes the case, or reopens it when unsatisfied.</summary>
    [Alias("Rate")]
    Task<CaseCommandResult> RateAsync(SatisfactionRating rating, string? comment, int? expectedSeq = null);

    /// <summary>A dispatcher merges this case into a primary one; this case's reporter then follows the primary.</summary>
    [Alias("MergeInto")]
    Task<CaseCommandResult> MergeIntoAsync(CaseActor dispatcher, string primaryCaseId, int? expectedSeq = null);

    /// <summary>Called on the primary by a case being merged into it.</summary>
    [Alias("AddFollower")]
    Task<CaseCommandResult> AddFollowerAsync(string followerCaseId, CaseActor dispatcher);

    /// <summary>Records news from a video petition or consultation on the timeline.</summary>
    [Alias("RecordNotice")]
    Task<CaseCommandResult> RecordNoticeAsync(CaseNotice notice);

    /// <summary>Resolves the case with the agreed resolution of a 7+X consultation.</summary>
    [Alias("ResolveByConsultation")]
    Task<CaseCommandResult> ResolveByConsultationAsync(string consultationId, string resolution, CaseActor actor);

    /// <summary>Applies every deadline that has passed.</summary>
    [Alias("CheckDeadlines")]
    Task CheckDeadlinesAsync();

    /// <summary>
    /// The community's deadline watch: apply what has passed, then tell the community the next deadline.
    /// One-way, as it travels down from the community while the case may be calling up to it.
    /// </summary>
    [OneWay, Alias("RecheckDeadlines")]
    Task RecheckDeadlinesAsync();

    /// <summary>News from the community that a waiting case has found a cadre; one-way, as it travels up the call chain.</summary>
    [OneWay, Alias("OnAssigned")]
    Task OnAssignedAsync(Assignment assignment);
}
