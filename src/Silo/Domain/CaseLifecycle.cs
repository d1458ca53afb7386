using Gongzhi.Cases;

namespace Gongzhi.Silo.Domain;

/// <summary>
/// The state machine of a case: submitted → accepted → assigned → acknowledged → resolved → closed.
/// Each step appends one event with the next seq; a refused step changes nothing.
/// </summary>
public static class CaseLifecycle
{
    public const string SystemActor = "system";
    public const string ResidentActor = "resident";

    public static string CadreActor(string cadreId) => $"cadre:{cadreId}";

    /// <summary>Takes the submission and accepts it at once (受理); a repeated submission is a no-op.</summary>
    public static CaseTransition Submit(CaseRecord record, CaseSubmission submission, HandlingMode mode, DateTimeOffset now)
    {
        if (record.Submission is not null)
        {
            return CaseTransition.Unchanged;
        }

        record.Submission = submission;
        record.Mode = mode;
        var events = new List<CaseEvent>
        {
            Append(record, CaseEventType.Submitted, CaseStatus.Submitted, submission.SubmittedAt, ResidentActor, null, null),
            Append(record, CaseEventType.Accepted, CaseStatus.Accepted, now, SystemActor, null, null),
        };
        return new CaseTransition(CommandOutcome.Ok, null, events);
    }

    /// <summary>Notes that no matching cadre is on duty, once per wait.</summary>
    public static CaseTransition Wait(CaseRecord record, DateTimeOffset now)
    {
        if (record.Status != CaseStatus.Accepted || record.Timeline[^1].Type == CaseEventType.Waiting)
        {
            return CaseTransition.Unchanged;
        }

        return One(Append(record, CaseEventType.Waiting, CaseStatus.Accepted, now, SystemActor, null, null));
    }

    /// <summary>Gives the case to a cadre (派单); only an accepted case can be assigned.</summary>
    public static CaseTransition Assign(CaseRecord record, Assignment assignment)
    {
        if (record.Status != CaseStatus.Accepted)
        {
            return record.AssigneeId == assignment.CadreId
                ? CaseTransition.Unchanged
                : CaseTransition.Refused(CommandOutcome.Conflict, $"The case is {record.Status}, not waiting for a cadre.");
        }

        record.AssigneeId = assignment.CadreId;
        record.AssigneeName = assignment.CadreName;
        return One(Append(record, CaseEventType.Assigned, CaseStatus.Assigned, assignment.At, SystemActor, null, assignment.CadreName));
    }

    /// <summary>The assigned cadre takes the case on (接单).</summary>
    public static CaseTransition Acknowledge(CaseRecord record, string cadreId, DateTimeOffset now)
    {
        var refusal = CheckCadre(record, cadreId, CaseStatus.Assigned);
        return refusal ?? One(Append(record, CaseEventType.Acknowledged, CaseStatus.Acknowledged, now, CadreActor(cadreId), record.AssigneeName, null));
    }

    /// <summary>The assigned cadre settles the case (办结) with a note for the resident.</summary>
    public static CaseTransition Resolve(CaseRecord record, string cadreId, string note, DateTimeOffset now)
    {
        var refusal = CheckCadre(record, cadreId, CaseStatus.Acknowledged);
        return refusal ?? One(Append(record, CaseEventType.Resolved, CaseStatus.Resolved, now, CadreActor(cadreId), record.AssigneeName, note));
    }

    /// <summary>The resident rates a resolved case (回访), which closes it.</summary>
    public static CaseTransition Rate(CaseRecord record, SatisfactionRating rating, string? comment, DateTimeOffset now)
    {
        if (record.Submission is null)
        {
            return CaseTransition.Refused(CommandOutcome.NotFound, "The case has not been taken in yet.");
        }

        if (record.Status != CaseStatus.Resolved)
        {
            return CaseTransition.Refused(CommandOutcome.Conflict, $"Only a resolved case can be rated; this one is {record.Status}.");
        }

        record.Rating = rating;
        return One(Append(record, CaseEventType.Rated, CaseStatus.Closed, now, ResidentActor, null, comment));
    }

    private static CaseTransition? CheckCadre(CaseRecord record, string cadreId, CaseStatus expected)
    {
        if (record.Submission is null)
        {
            return CaseTransition.Refused(CommandOutcome.NotFound, "No such case.");
        }

        if (record.AssigneeId != cadreId)
        {
            return CaseTransition.Refused(CommandOutcome.Forbidden, "The case is assigned to another cadre.");
        }

        return record.Status == expected
            ? null
            : CaseTransition.Refused(CommandOutcome.Conflict, $"The case is {record.Status}; this step needs it {expected}.");
    }

    private static CaseEvent Append(
        CaseRecord record, CaseEventType type, CaseStatus status, DateTimeOffset at, string actor, string? actorName, string? note)
    {
        var e = new CaseEvent(record.LastSeq + 1, type, status, at, actor, actorName, note);
        record.Timeline.Add(e);
        record.Status = status;
        return e;
    }

    private static CaseTransition One(CaseEvent e) => new(CommandOutcome.Ok, null, [e]);
}
