using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Simulation.Tests;

public sealed class InvariantsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CadreProfile Wang = new("wang", "王", ["heating"], [], false);

    private static CaseSnapshot Snapshot(string id, CaseStatus status, string? assignee = null, params CaseEvent[] timeline) =>
        new(id, "ximen", CaseKind.Service, "heating", "", new CaseLocation("east", "1", null), new ContactInfo("r", "1"), status,
            HandlingMode.DoItNow, assignee, null, T0, null, timeline);

    private static CaseEvent AssignedTo(string name, DateTimeOffset at) => new(3, CaseEventType.Assigned, CaseStatus.Assigned, at, "system", null, name);

    private static SimulationRun Run(DutyLog duty, IReadOnlyCollection<string> communityOpen, params CaseSnapshot?[] snapshots) =>
        new("least-loaded", T0, T0.AddDays(1),
            snapshots.Select((s, i) => new TrackedCase(i + 1, new Arrival(T0, "east", "1", "heating", CaseKind.Service, false), s?.CaseId ?? $"lost-{i}") { Last = s }).ToList(),
            duty, [Wang], [], communityOpen, TimeSpan.Zero, 0);

    private static DutyLog WangOnFrom(DateTimeOffset from, DateTimeOffset? to = null)
    {
        var duty = new DutyLog();
        duty.Set("wang", true, from);
        if (to is { } off)
        {
            duty.Set("wang", false, off);
        }

        return duty;
    }

    [Fact]
    public void A_month_where_every_case_is_known_and_every_dispatch_went_to_someone_on_duty_passes()
    {
        var run = Run(WangOnFrom(T0), ["a"],
            Snapshot("a", CaseStatus.Assigned, "wang", AssignedTo("王", T0.AddHours(1))),
            Snapshot("b", CaseStatus.Closed));

        Assert.Empty(Invariants.Check(run));
        Assert.Equal(CaseOutcome.Assigned, CaseOutcomes.Of(run.Cases[0].Last));
        Assert.Equal(CaseOutcome.Resolved, CaseOutcomes.Of(run.Cases[1].Last));
    }

    [Fact]
    public void A_submitted_case_with_no_state_is_reported_missing()
    {
        var problems = Invariants.Check(Run(WangOnFrom(T0), [], (CaseSnapshot?)null));
        Assert.Contains(problems, p => p.Contains("1 submitted cases have no case grain state", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dispatch_to_a_cadre_off_duty_at_that_instant_is_reported()
    {
        var run = Run(WangOnFrom(T0, T0.AddHours(2)), ["a"], Snapshot("a", CaseStatus.Assigned, "wang", AssignedTo("王", T0.AddHours(2))));
        Assert.Contains(Invariants.Check(run), p => p.Contains("who was off duty", StringComparison.Ordinal));
    }

    [Fact]
    public void The_community_keeping_a_closed_case_open_or_losing_an_open_one_is_reported()
    {
        var run = Run(WangOnFrom(T0), ["closed"], Snapshot("closed", CaseStatus.Closed), Snapshot("open", CaseStatus.Accepted));
        var problem = Assert.Single(Invariants.Check(run));
        Assert.Contains("1 extra (closed), 1 absent (open)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_above_the_community_count_as_escalated_and_cases_without_a_cadre_as_waiting()
    {
        Assert.Equal(CaseOutcome.Escalated, CaseOutcomes.Of(Snapshot("e", CaseStatus.Acknowledged, "wang") with { Level = CaseLevel.Department }));
        Assert.Equal(CaseOutcome.Waiting, CaseOutcomes.Of(Snapshot("w", CaseStatus.Accepted)));
        Assert.Equal(CaseOutcome.Resolved, CaseOutcomes.Of(Snapshot("r", CaseStatus.Resolved) with { Level = CaseLevel.Leader }));
    }
}
