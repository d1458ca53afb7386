using Gongzhi.Cases;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>One of each case record that crosses the wire and sits in storage, with every instant set and with none set.</summary>
internal static class CaseRecordSamples
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    // Sub-millisecond ticks, as TimeProvider.GetUtcNow gives them.
    private static readonly DateTimeOffset Precise = T0.AddTicks(1_234_567);

    public static readonly CaseSubmission Submission = new("c1", "ximen", CaseKind.Service, "heating", "暖气不热",
        new CaseLocation("huiqian-xinyuan", "A", null), new ContactInfo("李福", "13800000000"), "req-7", Precise);

    public static readonly CaseEvent Event = new(3, CaseEventType.Assigned, CaseStatus.Assigned, Precise, "system", "王芳", "offer", "ref-1");

    public static readonly CaseEvent EventWithoutReference = new(1, CaseEventType.Submitted, CaseStatus.Submitted, T0, "resident", null, null);

    public static readonly CaseDeadlines Deadlines = new(T0.AddMinutes(10), T0.AddHours(2), T0.AddHours(24), Precise.AddDays(7));

    public static readonly CaseFact Fact = new("c1", "ximen", "wenshang-subdistrict", "heating", CaseKind.Grievance, "wang",
        T0, T0.AddSeconds(1), T0.AddMinutes(20), T0.AddHours(2), Precise.AddHours(5), T0.AddHours(24),
        CaseLevel.Subdistrict, SatisfactionRating.Basically, CaseClosure.Rated, 9);

    public static readonly CaseFact OpenFact = new("c2", "ximen", "wenshang-subdistrict", "water", CaseKind.Suggestion, null,
        Precise, null, null, null, null, null, null, null, null);

    /// <summary>Every sample, boxed, for theories.</summary>
    public static TheoryData<object> All() =>
        [Submission, Event, EventWithoutReference, Deadlines, CaseDeadlines.None, Fact, OpenFact];
}
