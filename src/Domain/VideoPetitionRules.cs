using System.Globalization;
using Gongzhi.Cases;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Domain;

/// <summary>
/// 视频信访: a resident (or their cadre) asks to speak by video with an official at the level the case is
/// at, proposing times; an official of that level takes a time, which gives the meeting a join link; after
/// it, the official records the outcome. Each step leaves a notice for the case's timeline.
/// </summary>
public static class VideoPetitionRules
{
    public const int MaxText = 2000;
    public const int MaxSlots = 5;

    /// <summary>How far ahead a meeting may be proposed or scheduled.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(90);

    /// <summary>Where the parties join the meeting: a path on the gateway.</summary>
    public static string JoinLink(string petitionId) => $"/video/{petitionId}";

    /// <summary>The request's fields at fault, by field path; empty when it may go ahead.</summary>
    public static Dictionary<string, string[]> Validate(VideoPetitionRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (Text(request.Note, "say what you want to raise with the official", MaxText) is { } note)
        {
            errors["note"] = [note];
        }

        if (request.Slots.Count > MaxSlots)
        {
            errors["slots"] = [$"At most {MaxSlots} proposed times."];
        }

        for (var i = 0; i < request.Slots.Count && i < MaxSlots; i++)
        {
            if (Slot(request.Slots[i], now) is { } slot)
            {
                errors[$"slots[{i}]"] = [slot];
            }
            else if (request.Slots.Take(i).Contains(request.Slots[i]))
            {
                errors[$"slots[{i}]"] = ["Proposed twice."];
            }
        }

        return errors;
    }

    /// <summary>Why this petition cannot be requested: it already was (a petition id is used once); null when it can.</summary>
    public static VideoPetitionResult? CheckNew(VideoPetitionRecord record) =>
        record.Exists ? VideoPetitionResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.PetitionExists, "This video petition was already requested.")) : null;

    /// <summary>Why the case cannot take another petition while <paramref name="other"/> of its petitions is as shown; null when it can (one open petition per case).</summary>
    public static VideoPetitionResult? CheckOther(string other, VideoPetitionSnapshot? shown) =>
        shown is { Status: VideoPetitionStatus.Requested or VideoPetitionStatus.Scheduled }
            ? VideoPetitionResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.PetitionOpen, $"The case already has an open video petition: {other}.", ("petitionId", other)))
            : null;

    /// <summary>Why a case cannot take a video petition now, or null. A closed case has nothing left to raise.</summary>
    public static VideoPetitionResult? CheckCase(CaseSnapshot? snapshot) =>
        snapshot is null ? VideoPetitionResult.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.CaseNotFound, "No such case."))
        : snapshot.Status == CaseStatus.Closed
            ? VideoPetitionResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.CaseNotOpen, "The case is closed.", ("status", Refusal.Name(snapshot.Status))))
        : null;

    /// <summary>The petitions ever asked for on the case, as its timeline refers to them.</summary>
    public static IReadOnlyList<string> PetitionsOf(CaseSnapshot snapshot) =>
        snapshot.Timeline.Where(e => e.Type == CaseEventType.VideoPetitionRequested && e.Reference is not null)
            .Select(e => e.Reference!).Distinct().ToArray();

    /// <summary>Opens the petition for the level the case is at now; its officials answer it even if the case moves on.</summary>
    public static void Open(VideoPetitionRecord record, string petitionId, VideoPetitionRequest request, CaseSnapshot snapshot, DateTimeOffset now)
    {
        record.PetitionId = petitionId;
        record.CaseId = snapshot.CaseId;
        record.CommunityId = snapshot.CommunityId;
        record.Level = snapshot.Level;
        record.LevelOwnerId = snapshot.LevelOwnerId;
        record.RequestedBy = request.RequestedBy;
        record.Note = request.Note.Trim();
        record.Slots = request.Slots.Order().ToList();
        record.RequestedAt = now;
        record.Status = VideoPetitionStatus.Requested;
        var proposed = record.Slots.Count == 0 ? "" : " · " + string.Join(", ", record.Slots.Select(Format));
        record.Unsent.Add(new CaseNotice(CaseEventType.VideoPetitionRequested, request.RequestedBy.Id, request.RequestedBy.Name,
            record.Note + proposed, petitionId));
    }

    /// <summary>An official takes a time: any time ahead, proposed by the requester or not, since the official knows their diary.</summary>
    public static VideoPetitionResult? Accept(VideoPetitionRecord record, CaseActor official, DateTimeOffset slot, DateTimeOffset now)
    {
        if (Check(record, VideoPetitionStatus.Requested, "scheduled") is { } refusal)
        {
            return refusal;
        }

        if (Slot(slot, now) is { } invalid)
        {
            return VideoPetitionResult.Invalid(new Dictionary<string, string[]> { ["slot"] = [invalid] });
        }

        record.Status = VideoPetitionStatus.Scheduled;
        record.ScheduledFor = slot;
        record.Official = official;
        record.JoinLink = JoinLink(record.PetitionId!);
        record.Unsent.Add(new CaseNotice(CaseEventType.VideoPetitionScheduled, official.Id, official.Name,
            $"{Format(slot)} · {official.Name ?? official.Id}", record.JoinLink));
        return null;
    }

    /// <summary>The meeting was held: what was said and promised, for everyone following the case.</summary>
    public static VideoPetitionResult? RecordOutcome(VideoPetitionRecord record, CaseActor official, string outcome, DateTimeOffset now)
    {
        if (Check(record, VideoPetitionStatus.Scheduled, "held") is { } refusal)
        {
            return refusal;
        }

        if (Text(outcome, "say what was agreed in the meeting", MaxText) is { } invalid)
        {
            return VideoPetitionResult.Invalid(new Dictionary<string, string[]> { ["outcome"] = [invalid] });
        }

        record.Status = VideoPetitionStatus.Held;
        record.Outcome = outcome.Trim();
        record.HeldAt = now;
        record.Unsent.Add(new CaseNotice(CaseEventType.VideoPetitionHeld, official.Id, official.Name, record.Outcome, record.PetitionId));
        return null;
    }

    /// <summary>Calls an open petition off; the case's timeline says so, with the reason, so those following it know.</summary>
    public static VideoPetitionResult? Cancel(VideoPetitionRecord record, CaseActor actor, string? reason, DateTimeOffset now)
    {
        if (!record.Exists)
        {
            return NotFound();
        }

        if (!record.IsOpen)
        {
            return VideoPetitionResult.Refused(CommandOutcome.Conflict,
                Refusal.Of(RefusalCodes.PetitionNotOpen, $"The petition is already {record.Status}.", ("status", Refusal.Name(record.Status))));
        }

        if (reason is { Length: > MaxText })
        {
            return VideoPetitionResult.Invalid(new Dictionary<string, string[]> { ["reason"] = [$"At most {MaxText} characters."] });
        }

        record.Status = VideoPetitionStatus.Cancelled;
        record.CancelledBy = actor;
        record.CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        record.Unsent.Add(new CaseNotice(CaseEventType.VideoPetitionCancelled, actor.Id, actor.Name, record.CancelReason, record.PetitionId));
        return null;
    }

    private static VideoPetitionResult? Check(VideoPetitionRecord record, VideoPetitionStatus expected, string becoming) =>
        !record.Exists ? NotFound()
        : record.Status != expected
            ? VideoPetitionResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.PetitionWrongStatus,
                $"The petition is {record.Status}; only a {expected} one can be {becoming}.", ("status", Refusal.Name(record.Status)), ("expected", Refusal.Name(expected))))
        : null;

    private static VideoPetitionResult NotFound() =>
        VideoPetitionResult.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.PetitionNotFound, "No such video petition."));

    private static string? Slot(DateTimeOffset slot, DateTimeOffset now) =>
        slot <= now ? "Must be in the future."
        : slot > now + MaxLead ? $"At most {MaxLead.TotalDays} days ahead."
        : null;

    private static string? Text(string? value, string hint, int max) =>
        string.IsNullOrWhiteSpace(value) ? $"Required: {hint}."
        : value.Length > max ? $"At most {max} characters."
        : null;

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
