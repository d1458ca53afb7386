using Gongzhi.Cases;
using Gongzhi.Silo.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static CaseSubmission Submission(string caseId = "c1") =>
        new(caseId, "ximen", CaseKind.Service, "heating", "暖气不热", new CaseLocation("huiqian-xinyuan", "A", null),
            new ContactInfo("李福", "13800000000"), null, T0);

    private static Assignment AssignTo(string cadre) => new("c1", cadre, cadre.ToUpperInvariant(), T0.AddSeconds(2));

    [Fact]
    public void A_submission_is_accepted_at_once_with_seq_1_and_2()
    {
        var record = new CaseRecord();
        var t = CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0.AddSeconds(1));

        Assert.Equal([CaseEventType.Submitted, CaseEventType.Accepted], t.Events.Select(e => e.Type));
        Assert.Equal([1, 2], t.Events.Select(e => e.Seq));
        Assert.Equal(CaseStatus.Accepted, record.Status);
        Assert.Equal("resident", t.Events[0].Actor);
    }

    [Fact]
    public void The_same_submission_twice_changes_nothing()
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        var again = CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);

        Assert.False(again.Changed);
        Assert.Equal(2, record.Timeline.Count);
    }

    [Fact]
    public void The_full_life_runs_in_order_with_no_gap_in_seq()
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        CaseLifecycle.Assign(record, AssignTo("wang"));
        CaseLifecycle.Acknowledge(record, "wang", T0.AddMinutes(1));
        CaseLifecycle.Resolve(record, "wang", "修好了", T0.AddHours(1));
        CaseLifecycle.Rate(record, SatisfactionRating.Satisfied, "谢谢", T0.AddHours(2));

        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(Enumerable.Range(1, 6), record.Timeline.Select(e => e.Seq));
        Assert.Equal(
            [CaseStatus.Submitted, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.Acknowledged, CaseStatus.Resolved, CaseStatus.Closed],
            record.Timeline.Select(e => e.Status));
        Assert.Equal("修好了", record.Timeline[4].Note);
        Assert.Equal(SatisfactionRating.Satisfied, record.Rating);
    }

    [Fact]
    public void Only_the_assigned_cadre_may_acknowledge()
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        CaseLifecycle.Assign(record, AssignTo("wang"));

        var t = CaseLifecycle.Acknowledge(record, "li", T0);

        Assert.Equal(CommandOutcome.Forbidden, t.Outcome);
        Assert.Equal(CaseStatus.Assigned, record.Status);
        Assert.Equal(3, record.Timeline.Count);
    }

    [Fact]
    public void Resolving_before_acknowledging_is_a_conflict()
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        CaseLifecycle.Assign(record, AssignTo("wang"));

        var t = CaseLifecycle.Resolve(record, "wang", "done", T0);

        Assert.Equal(CommandOutcome.Conflict, t.Outcome);
        Assert.Equal(CaseStatus.Assigned, record.Status);
    }

    [Fact]
    public void Rating_an_unresolved_case_is_a_conflict_and_an_unknown_one_not_found()
    {
        var unknown = CaseLifecycle.Rate(new CaseRecord(), SatisfactionRating.Satisfied, null, T0);
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        var early = CaseLifecycle.Rate(record, SatisfactionRating.Satisfied, null, T0);

        Assert.Equal(CommandOutcome.NotFound, unknown.Outcome);
        Assert.Equal(CommandOutcome.Conflict, early.Outcome);
        Assert.Null(record.Rating);
    }

    [Fact]
    public void Waiting_is_noted_once_and_a_later_assignment_follows_it()
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        var first = CaseLifecycle.Wait(record, T0);
        var second = CaseLifecycle.Wait(record, T0);
        var assigned = CaseLifecycle.Assign(record, AssignTo("wang"));

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(4, assigned.Events.Single().Seq);
        Assert.Equal("wang", record.AssigneeId);
    }

    [Fact]
    public void A_second_assignment_of_an_assigned_case_is_refused()
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, T0);
        CaseLifecycle.Assign(record, AssignTo("wang"));

        var repeat = CaseLifecycle.Assign(record, AssignTo("wang"));
        var other = CaseLifecycle.Assign(record, AssignTo("li"));

        Assert.False(repeat.Changed);
        Assert.Equal(CommandOutcome.Conflict, other.Outcome);
        Assert.Equal("wang", record.AssigneeId);
    }
}
