using Gongzhi.Administration;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Intake;
using Gongzhi.Domain;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Metrics;
using Gongzhi.Silo.Storage;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>
/// One state of each kind the silo stores, with every field it can hold set (instants with sub-millisecond ticks, as
/// <see cref="TimeProvider.GetUtcNow"/> gives them), for the golden rows in <c>StoredRows/</c>.
/// </summary>
internal static class StoredRowSamples
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Precise = T0.AddTicks(1_234_567);

    private static readonly CaseSubmission Submission = new("c1", "ximen", CaseKind.Grievance, "heating", "暖气不热，\"三天了\"",
        new CaseLocation("huiqian-xinyuan", "A", "2"), new ContactInfo("李福", "13800000000"), null, Precise);

    private static readonly CaseEvent[] Timeline =
    [
        new(1, CaseEventType.Submitted, CaseStatus.Submitted, Precise, "resident", null, null),
        new(2, CaseEventType.Accepted, CaseStatus.Accepted, Precise.AddTicks(10), "system", null, "auto"),
        new(3, CaseEventType.Assigned, CaseStatus.Assigned, T0.AddSeconds(2), "system", "王芳", "offer", "ref-1"),
    ];

    /// <summary>A case with every field of its row set.</summary>
    public static CaseRecord Case() => new()
    {
        Submission = Submission,
        Status = CaseStatus.Acknowledged,
        Mode = HandlingMode.LeadThrough,
        AssigneeId = "wang",
        AssigneeName = "王芳",
        Rating = SatisfactionRating.Basically,
        Timeline = [.. Timeline],
        Terms = new CaseTerms("wenshang-subdistrict", "wenshang", "heating", TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromMinutes(10)),
        Level = CaseLevel.Subdistrict,
        Deadlines = new CaseDeadlines(T0.AddMinutes(10), T0.AddHours(2), Precise.AddHours(24), T0.AddDays(7)),
        ResolvedAtLevel = CaseLevel.Community,
        ReopenCount = 1,
        Closure = CaseClosure.Rated,
        MergedInto = "c0",
        Followers = ["c7", "c8"],
        PossibleDuplicates = ["c5"],
        PassedOver = ["li"],
        AcknowledgeOverdueNoted = true,
        AcknowledgedAt = T0.AddMinutes(1),
        ResolvedAt = Precise.AddHours(1),
        FirstAcknowledgeBy = T0.AddHours(2),
        FirstResolveBy = T0.AddHours(24),
        AcceptedAt = Precise.AddTicks(10),
        ArchivedChunks = ["c1/00000001-00000050.json"],
        WatchedDeadline = T0.AddHours(2),
        FollowUp = new CaseFollowUp(3, "li", "ximen"),
    };

    /// <summary>A case just accepted: what most rows hold (nulls and empty lists are left out or written empty).</summary>
    public static CaseRecord AcceptedCase() => new()
    {
        Submission = Submission with { CaseId = "c2", Location = new CaseLocation("ximen-xiaoqu", null, null) },
        Status = CaseStatus.Accepted,
        Timeline = [.. Timeline[..2]],
        Terms = new CaseTerms("wenshang-subdistrict", "wenshang", null, TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromMinutes(10)),
        Deadlines = new CaseDeadlines(null, T0.AddHours(2), T0.AddHours(24), null),
        FirstAcknowledgeBy = T0.AddHours(2),
        FirstResolveBy = T0.AddHours(24),
        AcceptedAt = Precise.AddTicks(10),
        FollowUp = new CaseFollowUp(1),
    };

    /// <summary>A chunk of a case's oldest events, as the archive writes it to a blob.</summary>
    public static CaseEvent[] ArchivedEvents() => Timeline;

    /// <summary>An intake queue message of two submissions, one with the client's request id.</summary>
    public static IntakeMessage IntakeMessage() =>
        new(Gongzhi.Intake.IntakeMessage.CurrentVersion, [Submission with { ClientRequestId = "req-7" }, Submission with { CaseId = "c2", Location = new CaseLocation("ximen-xiaoqu", null, null) }]);

    public static OpenCaseChunk OpenCases() => new()
    {
        Cases =
        [
            new OpenCase(new OpenCaseEntry("c1", "heating", "huiqian-xinyuan", "A", Precise), "wang", Precise.AddSeconds(2)),
            new OpenCase(new OpenCaseEntry("c2", "heating", "ximen-xiaoqu", null, T0.AddMinutes(1)), waitingPassedOver: ["li", "zhou"]),
            new OpenCase(new OpenCaseEntry("c3", "water-power", "ximen-xiaoqu", "61", T0.AddMinutes(2))),
        ],
    };

    /// <summary>A chunk under fair-share: its cases and the tally of cases given in it per cadre (D16-fair-share).</summary>
    public static OpenCaseChunk OpenCasesWithTally()
    {
        var wang = new AssignmentTally();
        wang.Add(Precise.AddSeconds(2));
        wang.Add(Precise.AddDays(-2));
        wang.Add(Precise.AddDays(-2).AddHours(1));
        var li = new AssignmentTally();
        li.Add(T0.AddMinutes(-30));
        return new OpenCaseChunk { Cases = OpenCases().Cases, Given = new() { ["wang"] = wang, ["li"] = li } };
    }

    public static MetricsState Metrics() => new() { Chunks = [0, 2], NextChunk = 3 };

    public static MetricsState MetricsWithSharedChunks()
    {
        var chunks = new ChunkList { 0, 2, 3 };
        chunks.SharedFrom = 2;
        return new() { Chunks = chunks, NextChunk = 4 };
    }

    public static CaseFactChunk CaseFacts() => new()
    {
        Cases =
        [
            new CaseFact("c1", "ximen", "wenshang-subdistrict", "heating", CaseKind.Grievance, "wang",
                Precise, Precise.AddTicks(10), T0.AddMinutes(1), T0.AddHours(2), Precise.AddHours(1), T0.AddHours(24),
                CaseLevel.Subdistrict, SatisfactionRating.Basically, CaseClosure.Rated, 9),
            new CaseFact("c2", "ximen", "wenshang-subdistrict", "water-power", CaseKind.Suggestion, null,
                T0, null, null, null, null, null, null, null, null, 1),
        ],
    };

    public static LevelQueueState LevelQueue() => new() { Cases = ["c1", "c9"] };

    public static CountyCatalogState CountyCatalog() => new()
    {
        Seeded = true,
        Categories =
        [
            new CategoryInfo("heating", "供暖", "Heating", HandlingMode.DoItNow)
            {
                SlaClass = "utilities", SlaClassByKind = new Dictionary<CaseKind, string> { [CaseKind.Suggestion] = "general" }, DepartmentId = "heating",
            },
        ],
        SlaClasses = [new SlaClassInfo("utilities", TimeSpan.FromHours(2), TimeSpan.FromHours(24)), new SlaClassInfo("general", TimeSpan.FromHours(24), TimeSpan.FromDays(7))],
        Administration = new AdminChanges
        {
            Revision = 1,
            Outbox = [new AuditEntry("county-catalog/wenshang/r1", T0, "admin", "sla-class-update", "utilities", "acknowledge within 120 min; resolve within 1440 min")],
        },
    };

    public static VideoPetitionIndexState VideoPetitionIndex() => new() { Petitions = ["v1"] };

    public static ConsultationRecord Consultation() => new()
    {
        ConsultationId = "k1",
        CommunityId = "ximen",
        CaseIds = ["c1", "c2"],
        Topic = "加装电梯",
        Time = T0.AddDays(2),
        Place = "居委会二楼",
        Parties = [new ConsultationParty("p1", "张三", "resident", null), new ConsultationParty("p2", "李四", "owners-committee", "acct-4")],
        ConvenedBy = CaseActor.Staff("dispatcher", "zhao"),
        ConvenedAt = Precise,
        Status = ConsultationStatus.Concluded,
        Minutes = "同意",
        Resolution = "加装",
        ConcludedBy = CaseActor.Staff("dispatcher", "zhao"),
        ConcludedAt = T0.AddDays(2).AddHours(1),
        CaseResults = [new LinkedCaseResult("c1", LinkedCaseOutcome.Resolved, null), new LinkedCaseResult("c2", LinkedCaseOutcome.Refused, "closed")],
        NoticesPending = ["c2"],
        ResolutionsPending = [],
        IndexOwners = ["ximen", "wenshang-subdistrict", "wenshang"],
        IndexesPending = ["wenshang"],
        InvitationsPending = ["acct-4"],
    };

    public static ConsultationIndexState ConsultationIndex() => new() { Consultations = [Summary(ConsultationStatus.Concluded)] };

    public static InvitationInboxState InvitationInbox() => new()
    {
        Invitations = [new InvitationEntry(Summary(ConsultationStatus.Convened), T0, T0.AddHours(1), null)],
    };

    private static ConsultationSummary Summary(ConsultationStatus status) =>
        new("k1", "ximen", "lift", T0.AddDays(2), "hall", status, 2, T0, status == ConsultationStatus.Concluded ? T0.AddDays(2).AddHours(1) : null);

    public static VideoPetitionRecord VideoPetition() => new()
    {
        PetitionId = "v1",
        CaseId = "c1",
        CommunityId = "ximen",
        Level = CaseLevel.Department,
        LevelOwnerId = "heating",
        RequestedBy = CaseActor.Resident,
        Note = "想当面说",
        Slots = [T0.AddDays(1), T0.AddDays(2)],
        RequestedAt = Precise,
        Status = VideoPetitionStatus.Scheduled,
        ScheduledFor = T0.AddDays(1),
        Official = CaseActor.Staff("official", "sun"),
        JoinLink = "https://meet.example/v1",
        InCall = new() { ["resident"] = "connection-1" },
        HeldAt = null,
        Unsent = [new CaseNotice(CaseEventType.VideoPetitionScheduled, "official:sun", "sun", null, "v1")],
    };
}
