using Gongzhi.Cases;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Domain;

/// <summary>Everything a video petition holds; the persisted state of its grain.</summary>
public sealed class VideoPetitionRecord
{
    public string? PetitionId { get; set; }

    public string? CaseId { get; set; }

    public string CommunityId { get; set; } = "";

    /// <summary>The level the case was at when the petition was asked for; its officials answer it.</summary>
    public CaseLevel Level { get; set; }

    public string LevelOwnerId { get; set; } = "";

    public CaseActor? RequestedBy { get; set; }

    public string Note { get; set; } = "";

    public List<DateTimeOffset> Slots { get; set; } = [];

    public DateTimeOffset RequestedAt { get; set; }

    public VideoPetitionStatus Status { get; set; }

    public DateTimeOffset? ScheduledFor { get; set; }

    public CaseActor? Official { get; set; }

    public string? JoinLink { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset? HeldAt { get; set; }

    public CaseActor? CancelledBy { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>Who is in the live call now: <c>resident</c> or <c>official</c> → the session (hub connection) they joined from.</summary>
    public Dictionary<string, string> InCall { get; set; } = [];

    /// <summary>Notices written here with the step and removed once the case has recorded them, so none is lost between the two writes.</summary>
    public List<CaseNotice> Unsent { get; set; } = [];

    public bool Exists => CaseId is not null;

    /// <summary>Requested or scheduled: not yet held or cancelled.</summary>
    public bool IsOpen => Exists && Status is VideoPetitionStatus.Requested or VideoPetitionStatus.Scheduled;

    public VideoPetitionSnapshot ToSnapshot() =>
        new(PetitionId!, CaseId!, CommunityId, Level, LevelOwnerId, RequestedBy!, Note, Slots.ToArray(), RequestedAt, Status,
            ScheduledFor, Official, JoinLink, Outcome, HeldAt, CancelledBy, CancelReason,
            new Dictionary<string, string>(InCall, StringComparer.Ordinal));
}
