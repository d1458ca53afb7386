using Gongzhi.Cases;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class CaseLifecycleTests
{
    [Fact]
    public void A_submission_is_accepted_at_once_with_seq_1_and_2_and_its_SLA_clock_starts()
    {
        var record = new CaseRecord();
        var t = CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, Terms, T0.AddSeconds(1));

        Assert.Equal([CaseEventType.Submitted, CaseEventType.Accepted], t.Types());
        Assert.Equal([1, 2], t.Events.Select(e => e.Seq));
        Assert.Equal(CaseStatus.Accepted, record.Status);
        Assert.Equal("resident", t.Events[0].Actor);
        Assert.Equal(T0.AddSeconds(1).AddHours(2), record.Deadlines.AcknowledgeBy);
        Assert.Equal(T0.AddSeconds(1).AddHours(24), record.Deadlines.ResolveBy);
    }

    [Fact]
    public void A_submissions_photos_go_on_its_submitted_event_only()
    {
        var record = new CaseRecord();
        string[] photos = ["/api/v1/photos/0123456789abcdef0123456789abcdef.jpg"];

        var t = CaseLifecycle.Submit(record, Submission() with { Photos = photos }, HandlingMode.DoItNow, Terms, T0);

        Assert.Equal(photos, t.Events[0].Photos);
        Assert.Equal(photos, record.Timeline[0].Photos);
        Assert.Null(t.Events[1].Photos);
    }

    [Fact]
    public void A_resolution_carries_its_photos_and_one_without_carries_none()
    {
        string[] photos = ["/api/v1/cases/c1/photos/a.jpg", "/api/v1/cases/c1/photos/b.jpg"];

        var with = CaseLifecycle.Resolve(Acknowledged(), CaseActor.Cadre("wang"), "修好了", null, T0.AddHours(3), photos);
        var without = CaseLifecycle.Resolve(Acknowledged(), CaseActor.Cadre("wang"), "修好了", null, T0.AddHours(3), []);

        Assert.Equal(photos, with.Events[0].Photos);
        Assert.Null(without.Events[0].Photos);
    }

    [Fact]
    public void The_same_submission_twice_changes_nothing()
    {
        var record = Accepted();
        var again = CaseLifecycle.Submit(record, Submission(), HandlingMode.DoItNow, Terms, T0);

        Assert.False(again.Changed);
        Assert.Equal(2, record.Timeline.Count);
    }

    [Fact]
    public void The_full_life_runs_in_order_with_no_gap_in_seq()
    {
        var record = Resolved();
        CaseLifecycle.Rate(record, SatisfactionRating.Satisfied, "谢谢", T0.AddHours(2));

        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(CaseClosure.Rated, record.Closure);
        Assert.Equal(Enumerable.Range(1, 6), record.Timeline.Select(e => e.Seq));
        Assert.Equal(
            [CaseStatus.Submitted, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.Acknowledged, CaseStatus.Resolved, CaseStatus.Closed],
            record.Timeline.Select(e => e.Status));
        Assert.Equal(CaseLevel.Community, record.ResolvedAtLevel);
        Assert.Equal(CaseDeadlines.None, record.Deadlines);
    }

    [Fact]
    public void An_assignment_opens_the_offer_window_and_acknowledging_closes_it()
    {
        var record = Assigned();
        Assert.Equal(T0.AddSeconds(2).AddMinutes(10), record.Deadlines.OfferExpiresAt);

        CaseLifecycle.Acknowledge(record, "wang", T0.AddMinutes(1));

        Assert.Null(record.Deadlines.OfferExpiresAt);
        Assert.Null(record.Deadlines.AcknowledgeBy);
        Assert.Equal(T0.AddMinutes(1), record.AcknowledgedAt);
    }

    [Fact]
    public void Only_the_assigned_cadre_may_acknowledge_or_decline()
    {
        var record = Assigned();

        Assert.Equal(CommandOutcome.Forbidden, CaseLifecycle.Acknowledge(record, "li", T0).Outcome);
        Assert.Equal(CommandOutcome.Forbidden, CaseLifecycle.Decline(record, "li", "busy", T0).Outcome);
        Assert.Equal(CaseStatus.Assigned, record.Status);
        Assert.Equal(3, record.Timeline.Count);
    }

    [Fact]
    public void Declining_puts_the_case_back_to_dispatch_without_that_cadre()
    {
        var record = Assigned();
        var t = CaseLifecycle.Decline(record, "wang", "在外地开会", T0.AddMinutes(1));

        Assert.Equal([CaseEventType.Declined], t.Types());
        Assert.Equal("在外地开会", t.Events[0].Note);
        Assert.Equal(CaseStatus.Accepted, record.Status);
        Assert.Null(record.AssigneeId);
        Assert.Equal("wang", t.ReleasedCadreId);
        Assert.True(t.NeedsDispatch);
        Assert.Contains("wang", record.PassedOver);
    }

    [Fact]
    public void An_acknowledged_case_cannot_be_declined()
    {
        var record = Acknowledged();
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.Decline(record, "wang", "changed my mind", T0).Outcome);
    }

    [Fact]
    public void A_dispatcher_reassigns_and_the_previous_cadre_is_released()
    {
        var record = Acknowledged();
        var t = CaseLifecycle.Reassign(record, AssignTo("li", T0.AddHours(1)), CaseActor.Staff("dispatcher", "d1"));

        Assert.Equal([CaseEventType.Reassigned], t.Types());
        Assert.Equal("wang", t.ReleasedCadreId);
        Assert.Equal("li", record.AssigneeId);
        Assert.Equal(CaseStatus.Assigned, record.Status);
        Assert.Equal(T0.AddHours(1).AddMinutes(10), record.Deadlines.OfferExpiresAt);
    }

    [Fact]
    public void Resolving_before_acknowledging_is_a_conflict()
    {
        var record = Assigned();
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.Resolve(record, CaseActor.Cadre("wang"), "done", null, T0).Outcome);
        Assert.Equal(CaseStatus.Assigned, record.Status);
    }

    [Fact]
    public void Resolving_releases_the_cadre_records_the_level_and_opens_the_rating_window()
    {
        var record = Acknowledged();
        var t = CaseLifecycle.Resolve(record, CaseActor.Cadre("wang"), "修好了", "/photos/1.jpg", T0.AddHours(3));

        Assert.Equal("wang", t.ReleasedCadreId);
        Assert.Equal("/photos/1.jpg", t.Events[0].Reference);
        Assert.Equal(CaseLevel.Community, record.ResolvedAtLevel);
        Assert.Equal(T0.AddHours(3).AddDays(7), record.Deadlines.RateBy);
        Assert.Null(record.Deadlines.ResolveBy);
    }

    [Fact]
    public void Rating_an_unresolved_case_is_a_conflict_and_an_unknown_one_not_found()
    {
        Assert.Equal(CommandOutcome.NotFound, CaseLifecycle.Rate(new CaseRecord(), SatisfactionRating.Satisfied, null, T0).Outcome);
        var record = Accepted();
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.Rate(record, SatisfactionRating.Satisfied, null, T0).Outcome);
        Assert.Null(record.Rating);
    }

    [Fact]
    public void Basically_satisfied_closes_the_case_too()
    {
        var record = Resolved();
        CaseLifecycle.Rate(record, SatisfactionRating.Basically, null, T0.AddHours(2));
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(SatisfactionRating.Basically, record.Rating);
    }

    [Fact]
    public void Waiting_is_noted_once_and_a_later_assignment_follows_it()
    {
        var record = Accepted();
        Assert.True(CaseLifecycle.Wait(record, T0).Changed);
        Assert.False(CaseLifecycle.Wait(record, T0).Changed);
        var assigned = CaseLifecycle.Assign(record, AssignTo("wang"));

        Assert.Equal(4, assigned.Events.Single().Seq);
        Assert.Equal("wang", record.AssigneeId);
    }

    [Fact]
    public void A_second_assignment_of_an_assigned_case_is_refused()
    {
        var record = Assigned();
        Assert.False(CaseLifecycle.Assign(record, AssignTo("wang")).Changed);
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.Assign(record, AssignTo("li")).Outcome);
        Assert.Equal("wang", record.AssigneeId);
    }

    [Fact]
    public void Merging_closes_the_duplicate_and_the_primary_takes_its_reporter()
    {
        var duplicate = Assigned();
        var primary = Acknowledged("li");
        var dispatcher = CaseActor.Staff("dispatcher", "d1");

        var joined = CaseMerging.AddFollower(primary, "c1-dup", dispatcher, T0);
        var merged = CaseMerging.MergeInto(duplicate, "c-primary", dispatcher, T0);

        Assert.Equal([CaseEventType.ReporterJoined], joined.Types());
        Assert.Equal(["c1-dup"], primary.Followers);
        Assert.Equal(CaseStatus.Closed, duplicate.Status);
        Assert.Equal(CaseClosure.Merged, duplicate.Closure);
        Assert.Equal("c-primary", duplicate.MergedInto);
        Assert.Equal("wang", merged.ReleasedCadreId);
        Assert.Equal(CommandOutcome.Conflict, CaseMerging.MergeInto(duplicate, "c-other", dispatcher, T0).Outcome);
    }

    [Fact]
    public void Notices_from_video_petitions_and_consultations_are_recorded_without_changing_status()
    {
        var record = Acknowledged();
        var t = CaseLifecycle.Notice(record, new CaseNotice(CaseEventType.VideoPetitionScheduled, "leader:zhang", "张副县长", "明天 10:00", "/video/v1"), T0);

        Assert.Equal(CaseStatus.Acknowledged, record.Status);
        Assert.Equal("/video/v1", t.Events[0].Reference);
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.Notice(record, new CaseNotice(CaseEventType.Resolved, "x", null, null, null), T0).Outcome);
    }
}
