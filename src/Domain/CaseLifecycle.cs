using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Domain;

/// <summary>
/// The state machine of a case: submitted → accepted → assigned → acknowledged → resolved → closed,
/// with declines, reassignment and reopening. Each step appends events with the next seq;
/// a refused step changes nothing. Mode steps are in <see cref="ModeWorkflow"/>, the ladder in
/// <see cref="EscalationLadder"/>, deadlines in <see cref="DeadlineRules"/>, merging duplicates in <see cref="CaseMerging"/>.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>How long a resident has to rate a resolved case before it closes as no-response.</summary>
    public static readonly TimeSpan RatingWindow = TimeSpan.FromDays(7);

    /// <summary>Takes the submission and accepts it at once (受理), starting its SLA clock; a repeated submission is a no-op.</summary>
    public static CaseTransition Submit(CaseRecord record, CaseSubmission submission, HandlingMode mode, CaseTerms terms, DateTimeOffset now)
    {
        if (record.Submission is not null)
        {
            return CaseTransition.Unchanged;
        }

        record.Submission = submission;
        record.Mode = mode;
        record.Terms = terms;
        record.AcceptedAt = now;
        record.Deadlines = new CaseDeadlines(null, now + terms.AcknowledgeWithin, now + terms.ResolveWithin, null);
        record.FirstAcknowledgeBy = record.Deadlines.AcknowledgeBy;
        record.FirstResolveBy = record.Deadlines.ResolveBy;
        return CaseTransition.Of(
        [
            Append(record, CaseEventType.Submitted, CaseStatus.Submitted, submission.SubmittedAt, CaseActor.Resident, null, photos: Photos(submission.Photos)),
            Append(record, CaseEventType.Accepted, CaseStatus.Accepted, now, CaseActor.System, null),
        ]);
    }

    /// <summary>Notes that no eligible cadre is on duty, once per wait.</summary>
    public static CaseTransition Wait(CaseRecord record, DateTimeOffset now)
    {
        if (!record.AwaitsCadre || record.Timeline[^1].Type == CaseEventType.Waiting)
        {
            return CaseTransition.Unchanged;
        }

        return One(Append(record, CaseEventType.Waiting, CaseStatus.Accepted, now, CaseActor.System, null));
    }

    /// <summary>Gives an accepted case to a cadre (派单) and starts the offer window.</summary>
    public static CaseTransition Assign(CaseRecord record, Assignment assignment)
    {
        if (!record.AwaitsCadre)
        {
            return record.AssigneeId == assignment.CadreId
                ? CaseTransition.Unchanged
                : CaseRefusals.Conflict(RefusalCodes.CaseNotWaiting, $"The case is {record.Status}, not waiting for a cadre.", ("status", Refusal.Name(record.Status)));
        }

        SetAssignee(record, assignment);
        return One(Append(record, CaseEventType.Assigned, CaseStatus.Assigned, assignment.At, CaseActor.System, assignment.CadreName));
    }

    /// <summary>A dispatcher gives an open, unresolved case to a cadre by hand; the previous cadre, if any, loses it.</summary>
    public static CaseTransition Reassign(CaseRecord record, Assignment assignment, CaseActor dispatcher)
    {
        if (CheckReassign(record, assignment.CadreId) is { } refusal)
        {
            return refusal;
        }

        var previous = record.AssigneeId;
        SetAssignee(record, assignment);
        record.PassedOver = [];
        var type = previous is null ? CaseEventType.Assigned : CaseEventType.Reassigned;
        return One(Append(record, type, CaseStatus.Assigned, assignment.At, dispatcher, assignment.CadreName)) with { ReleasedCadreId = previous };
    }

    /// <summary>Why a dispatcher may not give the case to <paramref name="cadreId"/> by hand; null when they may (asked before the community is).</summary>
    public static CaseTransition? CheckReassign(CaseRecord record, string cadreId)
    {
        if (!record.IsUnresolved)
        {
            return CaseRefusals.NotOpen(record, "Only an open, unresolved case can be assigned.");
        }

        if (record.AssigneeId == cadreId)
        {
            return CaseRefusals.Conflict(RefusalCodes.AlreadyAssigned, "The case is already assigned to that cadre.", ("cadreId", cadreId));
        }

        return null;
    }

    /// <summary>The assigned cadre takes the case on (接单); the offer window and the acknowledge-by clock stop.</summary>
    public static CaseTransition Acknowledge(CaseRecord record, string cadreId, DateTimeOffset now)
    {
        var refusal = CheckCadre(record, cadreId, CaseStatus.Assigned);
        if (refusal is not null)
        {
            return refusal;
        }

        record.AcknowledgedAt ??= now;
        record.Deadlines = record.Deadlines with { OfferExpiresAt = null, AcknowledgeBy = null };
        return One(Append(record, CaseEventType.Acknowledged, CaseStatus.Acknowledged, now, CaseActor.Cadre(cadreId, record.AssigneeName), null));
    }

    /// <summary>The assigned cadre turns the case down before taking it on; it goes back to dispatch without them.</summary>
    public static CaseTransition Decline(CaseRecord record, string cadreId, string reason, DateTimeOffset now)
    {
        var refusal = CheckCadre(record, cadreId, CaseStatus.Assigned);
        return refusal ?? Withdraw(record, CaseEventType.Declined, CaseActor.Cadre(cadreId, record.AssigneeName), reason, now);
    }

    /// <summary>The assignment lapsed unacknowledged: withdrawn and offered to the next eligible cadre.</summary>
    public static CaseTransition ExpireOffer(CaseRecord record, DateTimeOffset now) =>
        Withdraw(record, CaseEventType.OfferExpired, CaseActor.System, record.AssigneeName, now);

    /// <summary>
    /// The matter is settled (办结). The assigned cadre needs the mode's steps done first; an official at the
    /// case's level, or a consultation, may resolve it as it stands. <paramref name="photos"/> are the paths of the photos of the work done.
    /// </summary>
    public static CaseTransition Resolve(CaseRecord record, CaseActor actor, string note, string? reference, DateTimeOffset now, IReadOnlyList<string>? photos = null)
    {
        if (record.Submission is null)
        {
            return CaseRefusals.NotFound();
        }

        if (actor.CadreId is { } cadreId)
        {
            var refusal = CheckCadre(record, cadreId, CaseStatus.Acknowledged) ?? EscalationLadder.CheckLevelActs(record, actor)
                ?? ModeWorkflow.CheckReadyToResolve(record);
            if (refusal is not null)
            {
                return refusal;
            }
        }
        else if (record.Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return CaseRefusals.NotOpen(record, $"The case is already {record.Status}.");
        }

        var released = record.AssigneeId;
        if (actor.CadreId is not null && actor.Name is null)
        {
            actor = actor with { Name = record.AssigneeName };
        }

        record.ResolvedAt = now;
        record.ResolvedAtLevel = record.Level;
        record.Deadlines = new CaseDeadlines(null, null, null, now + RatingWindow);
        return One(Append(record, CaseEventType.Resolved, CaseStatus.Resolved, now, actor, note, reference, Photos(photos))) with { ReleasedCadreId = released };
    }

    /// <summary>
    /// The resident rates a resolved case (回访). Satisfied or basically closes it; unsatisfied reopens it for
    /// another cadre, and from the second reopening also moves it one level up.
    /// </summary>
    public static CaseTransition Rate(CaseRecord record, SatisfactionRating rating, string? comment, DateTimeOffset now)
    {
        if (record.Submission is null)
        {
            return CaseRefusals.NotFound("The case has not been taken in yet.");
        }

        if (record.Status != CaseStatus.Resolved)
        {
            return CaseRefusals.Conflict(RefusalCodes.WrongStatus, $"Only a resolved case can be rated; this one is {record.Status}.",
                ("status", Refusal.Name(record.Status)), ("expected", Refusal.Name(CaseStatus.Resolved)));
        }

        record.Rating = rating;
        if (rating != SatisfactionRating.Unsatisfied)
        {
            record.Closure = CaseClosure.Rated;
            record.Deadlines = CaseDeadlines.None;
            return One(Append(record, CaseEventType.Rated, CaseStatus.Closed, now, CaseActor.Resident, comment));
        }

        var rated = Append(record, CaseEventType.Rated, CaseStatus.Resolved, now, CaseActor.Resident, comment);
        return One(rated).Then(Reopen(record, now));
    }

    /// <summary>Records news from elsewhere (video petition, consultation, duplicate hint) without changing the status.</summary>
    public static CaseTransition Notice(CaseRecord record, CaseNotice notice, DateTimeOffset now)
    {
        if (record.Submission is null)
        {
            return CaseRefusals.NotFound();
        }

        return notice.Type is CaseEventType.VideoPetitionRequested or CaseEventType.VideoPetitionScheduled or CaseEventType.VideoPetitionHeld
            or CaseEventType.VideoPetitionCancelled or CaseEventType.VideoCallJoined or CaseEventType.VideoCallLeft
            or CaseEventType.ConsultationConvened or CaseEventType.PossibleDuplicate
            ? One(Append(record, notice.Type, record.Status, now, new CaseActor(notice.Actor, notice.ActorName), notice.Note, notice.Reference))
            : CaseRefusals.Conflict(RefusalCodes.NotANotice, $"{notice.Type} is not a notice.", ("type", Refusal.Name(notice.Type)));
    }

    internal static CaseTransition Reopen(CaseRecord record, DateTimeOffset now)
    {
        record.ReopenCount++;
        record.Rating = null;
        record.ResolvedAt = null;
        var previous = record.AssigneeId;
        record.PassedOver = previous is null ? [] : [previous];

        record.AssigneeId = null;
        record.AssigneeName = null;
        record.Deadlines = new CaseDeadlines(null, now + record.Terms!.AcknowledgeWithin, now + record.Terms.ResolveWithin, null);
        record.AcknowledgeOverdueNoted = false;
        var reopened = One(Append(record, CaseEventType.Reopened, CaseStatus.Accepted, now, CaseActor.Resident, $"reopen #{record.ReopenCount}"))
            with { NeedsDispatch = true };
        return record.ReopenCount >= 2 ? reopened.Then(EscalationLadder.Escalate(record, CaseActor.System, "reopened a second time", now)) : reopened;
    }

    internal static CaseTransition Withdraw(CaseRecord record, CaseEventType type, CaseActor actor, string? note, DateTimeOffset now)
    {
        var cadre = record.AssigneeId!;
        record.PassedOver = [.. record.PassedOver, cadre];
        record.AssigneeId = null;
        record.AssigneeName = null;
        record.Deadlines = record.Deadlines with { OfferExpiresAt = null };
        return One(Append(record, type, CaseStatus.Accepted, now, actor, note, cadre)) with { ReleasedCadreId = cadre, NeedsDispatch = true };
    }

    internal static CaseTransition? CheckCadre(CaseRecord record, string cadreId, CaseStatus expected)
    {
        if (record.Submission is null)
        {
            return CaseRefusals.NotFound();
        }

        if (record.AssigneeId != cadreId)
        {
            return CaseRefusals.Forbidden(RefusalCodes.OtherCadre, "The case is assigned to another cadre.");
        }

        return record.Status == expected
            ? null
            : CaseRefusals.Conflict(RefusalCodes.WrongStatus, $"The case is {record.Status}; this step needs it {expected}.",
                ("status", Refusal.Name(record.Status)), ("expected", Refusal.Name(expected)));
    }

    internal static CaseEvent Append(
        CaseRecord record, CaseEventType type, CaseStatus status, DateTimeOffset at, CaseActor actor, string? note, string? reference = null,
        IReadOnlyList<string>? photos = null)
    {
        var e = new CaseEvent(record.LastSeq + 1, type, status, at, actor.Id, actor.Name, note, reference, photos);
        record.Timeline.Add(e);
        record.Status = status;
        return e;
    }

    internal static CaseTransition One(CaseEvent e) => CaseTransition.Of([e]);

    /// <summary>An event's photos: null for none, so that the many events without any carry nothing.</summary>
    private static IReadOnlyList<string>? Photos(IReadOnlyList<string>? photos) => photos is { Count: > 0 } ? [.. photos] : null;

    private static void SetAssignee(CaseRecord record, Assignment assignment)
    {
        record.AssigneeId = assignment.CadreId;
        record.AssigneeName = assignment.CadreName;
        var window = record.Terms?.OfferWindow ?? TimeSpan.FromMinutes(10);
        record.Deadlines = record.Deadlines with { OfferExpiresAt = assignment.At + window };
    }
}
