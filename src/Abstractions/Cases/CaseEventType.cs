namespace Gongzhi.Cases;

/// <summary>What happened to a case; each one is an entry of its timeline.</summary>
[GenerateSerializer, Alias("gongzhi.CaseEventType")]
public enum CaseEventType
{
    Submitted = 0,
    Accepted = 1,
    Waiting = 2,
    Assigned = 3,
    Acknowledged = 4,
    Resolved = 5,
    Rated = 6,

    /// <summary>The cadre turned the case down, with a reason.</summary>
    Declined = 7,

    /// <summary>The assignment was not acknowledged in time and was withdrawn.</summary>
    OfferExpired = 8,

    /// <summary>A dispatcher assigned or reassigned the case by hand.</summary>
    Reassigned = 9,

    /// <summary>A dispatcher changed the handling mode.</summary>
    ModeChanged = 10,

    /// <summary>马上办: the cadre is at it.</summary>
    WorkStarted = 11,

    /// <summary>领着办: when, where and which office or procedure the cadre will lead the resident through.</summary>
    AccompanimentArranged = 12,

    /// <summary>领着办: the resident confirms they were led through.</summary>
    LedThroughConfirmed = 13,

    /// <summary>代为办: the resident's consent to act on their behalf.</summary>
    ConsentRecorded = 14,

    /// <summary>代为办: the resident's documents handed over to the cadre.</summary>
    DocumentsHandedOver = 15,

    /// <summary>代为办: the result handed over to the resident.</summary>
    ResultHandedOver = 16,

    /// <summary>代为办: the resident confirms receipt.</summary>
    ReceiptConfirmed = 17,

    /// <summary>Moved one level up the ladder, with a reason.</summary>
    Escalated = 18,

    /// <summary>Handed back one level down, with instructions.</summary>
    Returned = 19,

    /// <summary>Not acknowledged by its acknowledge-by deadline.</summary>
    AcknowledgeOverdue = 20,

    /// <summary>Not resolved by its resolve-by deadline.</summary>
    ResolveOverdue = 21,

    /// <summary>The resident was unsatisfied: the case is handled again.</summary>
    Reopened = 22,

    /// <summary>Not rated within the rating window: closed, not counted as satisfied.</summary>
    ClosedNoResponse = 23,

    /// <summary>This case was merged into another (the primary), which its reporter now follows.</summary>
    Merged = 24,

    /// <summary>Another reporter's case was merged into this one.</summary>
    ReporterJoined = 25,

    /// <summary>视频信访: a video meeting with an official was asked for.</summary>
    VideoPetitionRequested = 26,

    /// <summary>An official accepted a time slot; the join link is on the event.</summary>
    VideoPetitionScheduled = 27,

    /// <summary>The video meeting took place; its outcome is on the event.</summary>
    VideoPetitionHeld = 28,

    /// <summary>A 7+X consultation meeting was convened for this case.</summary>
    ConsultationConvened = 29,

    /// <summary>A dispatcher noted a possible duplicate.</summary>
    PossibleDuplicate = 30,

    /// <summary>A video meeting asked for was called off, with the reason when one was given.</summary>
    VideoPetitionCancelled = 31,

    /// <summary>A party (the resident, or the official by role) joined the live video call; the petition is the reference.</summary>
    VideoCallJoined = 32,

    /// <summary>A party left the live video call (hung up, or the connection ended).</summary>
    VideoCallLeft = 33,

    /// <summary>An official of the level the case is at took responsibility for it there (接办).</summary>
    Taken = 34,
}
