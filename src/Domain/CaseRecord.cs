using System.Text.Json.Serialization;
using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Domain;

/// <summary>Everything a case holds; the persisted state of its grain. Events are appended, never edited.</summary>
/// <remarks>
/// A silo holds one per case in use, so its instants and deadlines are kept packed in private fields
/// (<see cref="PackedInstant"/>, D11-packing-4); every property and the stored JSON are plain.
/// </remarks>
public sealed class CaseRecord
{
    private PackedDeadlines _deadlines;
    private long _acknowledgedAt;
    private long _resolvedAt;
    private long _firstAcknowledgeBy;
    private long _firstResolveBy;
    private long _acceptedAt;
    private long _watchedDeadline;

    public CaseSubmission? Submission { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Submitted;

    public HandlingMode Mode { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public SatisfactionRating? Rating { get; set; }

    public List<CaseEvent> Timeline { get; set; } = [];

    /// <summary>Where the case sits on the ladder and how long it has, as its community said at dispatch.</summary>
    public CaseTerms? Terms { get; set; }

    public CaseLevel Level { get; set; } = CaseLevel.Community;

    public CaseDeadlines Deadlines { get => _deadlines.Unpack(); set => _deadlines = new PackedDeadlines(value); }

    public CaseLevel? ResolvedAtLevel { get; set; }

    public int ReopenCount { get; set; }

    public CaseClosure? Closure { get; set; }

    public string? MergedInto { get; set; }

    // The id lists below are arrays, not lists: most cases have none, and every empty array is one shared instance
    // (a resident silo holds 100,000 cases); the JSON is the same either way.
    public string[] Followers { get; set; } = [];

    public string[] PossibleDuplicates { get; set; } = [];

    /// <summary>Cadres who declined the case or let the offer lapse since it was last dispatched; not offered it again.</summary>
    public string[] PassedOver { get; set; } = [];

    /// <summary>Whether the acknowledge-by breach was already recorded, so it is recorded once.</summary>
    public bool AcknowledgeOverdueNoted { get; set; }

    /// <summary>When the case was first acknowledged and last resolved, for the KPIs.</summary>
    public DateTimeOffset? AcknowledgedAt { get => PackedInstant.Unpack(_acknowledgedAt); set => _acknowledgedAt = PackedInstant.Pack(value); }

    public DateTimeOffset? ResolvedAt { get => PackedInstant.Unpack(_resolvedAt); set => _resolvedAt = PackedInstant.Pack(value); }

    /// <summary>The deadlines as they stood when first set, for on-time KPIs (escalation moves the live ones).</summary>
    public DateTimeOffset? FirstAcknowledgeBy { get => PackedInstant.Unpack(_firstAcknowledgeBy); set => _firstAcknowledgeBy = PackedInstant.Pack(value); }

    public DateTimeOffset? FirstResolveBy { get => PackedInstant.Unpack(_firstResolveBy); set => _firstResolveBy = PackedInstant.Pack(value); }

    /// <summary>When the case was accepted (受理), kept apart from the timeline because old events move to the archive.</summary>
    public DateTimeOffset? AcceptedAt { get => PackedInstant.Unpack(_acceptedAt); set => _acceptedAt = PackedInstant.Pack(value); }

    /// <summary>Blob chunks holding the oldest events, in order; the row keeps the rest.</summary>
    public string[] ArchivedChunks { get; set; } = [];

    /// <summary>The deadline the community's watch was last told of, so it is told again only when that changes (stored under its old name).</summary>
    [JsonPropertyName("reminderTarget")]
    public DateTimeOffset? WatchedDeadline { get => PackedInstant.Unpack(_watchedDeadline); set => _watchedDeadline = PackedInstant.Pack(value); }

    /// <summary>What the last write still owes other grains; null once done (see <see cref="CaseFollowUp"/>).</summary>
    public CaseFollowUp? FollowUp { get; set; }

    public int LastSeq => Timeline.Count == 0 ? 0 : Timeline[^1].Seq;

    public string CaseId => Submission?.CaseId ?? throw new InvalidOperationException("The case has no submission yet.");

    public string CommunityId => Submission?.CommunityId ?? throw new InvalidOperationException("The case has no submission yet.");

    public bool IsOpen => Submission is not null && Status != CaseStatus.Closed;

    /// <summary>Accepted and with no cadre: the community is to find one (or the case waits for one).</summary>
    [JsonIgnore]
    public bool AwaitsCadre => Status == CaseStatus.Accepted && AssigneeId is null;

    /// <summary>Taken in, never reopened, and with no cadre now: a redelivered submission may still dispatch it.</summary>
    [JsonIgnore]
    public bool AwaitsCadreInFirstRound => Submission is not null && AwaitsCadre && ReopenCount == 0;

    /// <summary>Taken in, and neither resolved nor closed: someone may still be given it.</summary>
    [JsonIgnore]
    public bool IsUnresolved => Submission is not null && Status is not (CaseStatus.Resolved or CaseStatus.Closed);

    /// <summary>The cadre whose load the case counts in: its assignee until it is resolved.</summary>
    public string? HolderId => Status is CaseStatus.Assigned or CaseStatus.Acknowledged ? AssigneeId : null;

    /// <summary>The id that owns the case at its level: community, sub-district, department or county.</summary>
    public string LevelOwnerId => Level switch
    {
        CaseLevel.Subdistrict => Terms?.SubdistrictId ?? CommunityId,
        CaseLevel.Department => Terms?.DepartmentId ?? Terms?.SubdistrictId ?? CommunityId,
        CaseLevel.Leader => Terms?.CountyId ?? CommunityId,
        _ => CommunityId,
    };

    /// <summary>The case with its whole history: the archived events (when given) followed by those in the row.</summary>
    public CaseSnapshot ToSnapshot(IReadOnlyList<CaseEvent>? archived = null)
    {
        var s = Submission ?? throw new InvalidOperationException("The case has no submission yet.");
        var firstInRow = Timeline.Count == 0 ? int.MaxValue : Timeline[0].Seq;
        CaseEvent[] timeline = archived is null ? [.. Timeline] : [.. archived.Where(e => e.Seq < firstInRow), .. Timeline];
        return new CaseSnapshot(
            s.CaseId, s.CommunityId, s.Kind, s.Category, s.Description, s.Location, s.Contact,
            Status, Mode, AssigneeId, AssigneeName, s.SubmittedAt, Rating, timeline)
        {
            Level = Level,
            LevelOwnerId = LevelOwnerId,
            Deadlines = Deadlines,
            ResolvedAtLevel = ResolvedAtLevel,
            ReopenCount = ReopenCount,
            Closure = Closure,
            MergedInto = MergedInto,
            Followers = Followers,
            PossibleDuplicates = PossibleDuplicates,
            DepartmentId = Terms?.DepartmentId,
            SubdistrictId = Terms?.SubdistrictId ?? "",
            CountyId = Terms?.CountyId ?? "",
        };
    }

    public CaseUpdate ToUpdate(CaseEvent e, string? previousAssigneeId = null, string? formerLevelOwnerId = null)
    {
        var s = Submission ?? throw new InvalidOperationException("The case has no submission yet.");
        return new CaseUpdate(s.CaseId, s.CommunityId, e.Seq, e.Status, Mode, AssigneeId, AssigneeName, e, e.At)
        {
            Level = Level,
            LevelOwnerId = LevelOwnerId,
            Deadlines = Deadlines,
            Followers = Followers,
            PreviousAssigneeId = previousAssigneeId,
            FormerLevelOwnerId = formerLevelOwnerId == LevelOwnerId ? null : formerLevelOwnerId,
        };
    }

    /// <summary>
    /// Points the ids, names, terms and places that many cases repeat at one shared instance each (see <see cref="SharedStrings"/>):
    /// after a load from storage, where every row brings its own copies. Values do not change, but the submission is kept as
    /// <see cref="Kept"/> says (rows from before it may hold a client request id).
    /// </summary>
    public void ShareStrings(SharedStrings strings)
    {
        if (Submission is { } submission)
        {
            Submission = Kept(submission, strings);
        }

        if (Terms is { } terms)
        {
            Terms = strings.ShareRecord(terms with { SubdistrictId = strings.Share(terms.SubdistrictId), CountyId = strings.Share(terms.CountyId), DepartmentId = strings.Share(terms.DepartmentId) });
        }

        AssigneeId = strings.Share(AssigneeId);
        AssigneeName = strings.Share(AssigneeName);
        for (var i = 0; i < Timeline.Count; i++)
        {
            var e = Timeline[i];
            Timeline[i] = e with { Actor = strings.Share(e.Actor), ActorName = strings.Share(e.ActorName) };
        }
    }

    /// <summary>
    /// The submission as a case keeps it: its community, category and place (the record too) pointing at shared instances
    /// (one per value in the silo), and without the client's request id. That id served the gateway alone, which derived the
    /// case id from it so that a retried POST finds the same case; nothing reads it after, and a resident silo would hold
    /// one per case (~60 bytes each).
    /// </summary>
    public static CaseSubmission Kept(CaseSubmission submission, SharedStrings strings) => submission with
    {
        ClientRequestId = null,
        CommunityId = strings.Share(submission.CommunityId),
        Category = strings.Share(submission.Category),
        Location = strings.ShareRecord(submission.Location with
        {
            Compound = strings.Share(submission.Location.Compound),
            Building = strings.Share(submission.Location.Building),
            Unit = strings.Share(submission.Location.Unit),
        }),
    };

    public CaseFact ToFact() =>
        new(CaseId, CommunityId, Terms?.SubdistrictId ?? "", Submission!.Category, Submission.Kind, AssigneeId,
            Submission.SubmittedAt, AcceptedAt,
            AcknowledgedAt, FirstAcknowledgeBy, ResolvedAt, FirstResolveBy, ResolvedAtLevel, Rating, Closure, LastSeq,
            Level, Terms?.DepartmentId);
}
