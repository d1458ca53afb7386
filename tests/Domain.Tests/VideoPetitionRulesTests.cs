using Gongzhi.Cases;
using Gongzhi.Refusals;
using Gongzhi.Domain;
using Gongzhi.VideoPetitions;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class VideoPetitionRulesTests
{
    private static readonly CaseActor Leader = CaseActor.Staff("leader", "zhang-bin");
    private static readonly DateTimeOffset Now = T0.AddHours(2);

    private static VideoPetitionRequest Request(params DateTimeOffset[] slots) =>
        new("c1", CaseActor.Resident, "暖气不热，想和分管领导视频说明情况", slots);

    // The heating story: the case has climbed to the county leader when the resident asks.
    private static (VideoPetitionRecord Record, CaseSnapshot Case) Opened(params DateTimeOffset[] slots)
    {
        var @case = Acknowledged();
        for (var i = 0; i < 3; i++)
        {
            EscalationLadder.Escalate(@case, CaseActor.System, "超出范围", T0.AddMinutes(10 + i));
        }

        var record = new VideoPetitionRecord();
        VideoPetitionRules.Open(record, "p1", Request(slots), @case.ToSnapshot(), Now);
        return (record, @case.ToSnapshot());
    }

    [Fact]
    public void A_request_goes_to_the_level_the_case_is_at_and_leaves_a_notice_naming_the_petition()
    {
        var (record, _) = Opened(Now.AddDays(1), Now.AddHours(3));

        Assert.Equal(CaseLevel.Leader, record.Level);
        Assert.Equal("wenshang", record.LevelOwnerId);
        Assert.Equal(VideoPetitionStatus.Requested, record.Status);
        Assert.Equal([Now.AddHours(3), Now.AddDays(1)], record.Slots);
        var notice = Assert.Single(record.Unsent);
        Assert.Equal(CaseEventType.VideoPetitionRequested, notice.Type);
        Assert.Equal("resident", notice.Actor);
        Assert.Equal("p1", notice.Reference);
        Assert.StartsWith("暖气不热", notice.Note);
        Assert.Contains("2026-11-27 13:00 +00:00", notice.Note);
    }

    [Fact]
    public void A_request_needs_a_note_and_at_most_five_distinct_future_times_naming_each_one_at_fault()
    {
        Assert.Empty(VideoPetitionRules.Validate(Request(Now.AddHours(1)), Now));
        Assert.Empty(VideoPetitionRules.Validate(Request(), Now));

        var errors = VideoPetitionRules.Validate(Request(Now.AddHours(1), Now.AddMinutes(-5), Now.AddHours(1), Now.AddDays(200)) with { Note = " " }, Now);
        Assert.Equal(["note", "slots[1]", "slots[2]", "slots[3]"], errors.Keys.Order());
        Assert.Equal("Must be in the future.", errors["slots[1]"].Single());
        Assert.Equal("Proposed twice.", errors["slots[2]"].Single());

        var six = Enumerable.Range(1, 6).Select(h => Now.AddHours(h)).ToArray();
        Assert.Contains("slots", VideoPetitionRules.Validate(Request(six), Now).Keys);
    }

    [Fact]
    public void A_closed_case_or_one_not_taken_in_cannot_have_a_petition()
    {
        Assert.Equal(CommandOutcome.NotFound, VideoPetitionRules.CheckCase(null)!.Outcome);
        var resolved = Resolved();
        Assert.Null(VideoPetitionRules.CheckCase(resolved.ToSnapshot()));
        CaseLifecycle.Rate(resolved, SatisfactionRating.Satisfied, null, T0.AddHours(2));
        Assert.Equal(CommandOutcome.Conflict, VideoPetitionRules.CheckCase(resolved.ToSnapshot())!.Outcome);
    }

    [Fact]
    public void An_official_takes_a_time_and_the_case_hears_the_join_link_the_time_and_who()
    {
        var (record, _) = Opened(Now.AddDays(1));
        record.Unsent.Clear();

        Assert.Null(VideoPetitionRules.Accept(record, Leader, Now.AddHours(5), Now));

        Assert.Equal(VideoPetitionStatus.Scheduled, record.Status);
        Assert.Equal("/video/p1", record.JoinLink);
        var notice = Assert.Single(record.Unsent);
        Assert.Equal(CaseEventType.VideoPetitionScheduled, notice.Type);
        Assert.Equal("/video/p1", notice.Reference);
        Assert.Equal("2026-11-27 15:00 +00:00 · zhang-bin", notice.Note);
        Assert.Equal("leader:zhang-bin", notice.Actor);
    }

    [Fact]
    public void A_time_in_the_past_is_refused_naming_the_slot_and_a_second_acceptance_conflicts()
    {
        var (record, _) = Opened();
        var past = VideoPetitionRules.Accept(record, Leader, Now.AddMinutes(-1), Now)!;
        Assert.True(past.IsInvalid);
        Assert.Equal("slot", past.Errors.Keys.Single());
        Assert.Equal(VideoPetitionStatus.Requested, record.Status);

        Assert.Null(VideoPetitionRules.Accept(record, Leader, Now.AddHours(1), Now));
        Assert.Equal(CommandOutcome.Conflict, VideoPetitionRules.Accept(record, Leader, Now.AddHours(2), Now)!.Outcome);
    }

    [Fact]
    public void The_outcome_is_recorded_once_after_scheduling_and_closes_the_petition()
    {
        var (record, _) = Opened();
        Assert.Equal(CommandOutcome.Conflict, VideoPetitionRules.RecordOutcome(record, Leader, "答复立即处理", Now)!.Outcome);
        VideoPetitionRules.Accept(record, Leader, Now.AddHours(1), Now);
        Assert.Equal("outcome", VideoPetitionRules.RecordOutcome(record, Leader, "", Now.AddHours(1))!.Errors.Keys.Single());

        Assert.Null(VideoPetitionRules.RecordOutcome(record, Leader, "  答复立即处理，热力公司明天维修 ", Now.AddHours(1)));

        Assert.Equal(VideoPetitionStatus.Held, record.Status);
        Assert.False(record.IsOpen);
        var held = record.Unsent[^1];
        Assert.Equal(CaseEventType.VideoPetitionHeld, held.Type);
        Assert.Equal("答复立即处理，热力公司明天维修", held.Note);
        Assert.Equal("p1", held.Reference);
        Assert.Equal(CommandOutcome.Conflict, VideoPetitionRules.RecordOutcome(record, Leader, "again", Now.AddHours(2))!.Outcome);
    }

    [Fact]
    public void An_open_petition_can_be_cancelled_a_held_one_cannot()
    {
        var (record, _) = Opened();
        Assert.Null(VideoPetitionRules.Cancel(record, CaseActor.Resident, "问题已解决", Now));
        Assert.Equal(VideoPetitionStatus.Cancelled, record.Status);
        Assert.Equal("问题已解决", record.CancelReason);
        Assert.Equal(CaseEventType.VideoPetitionCancelled, record.Unsent[^1].Type);
        Assert.Equal(CommandOutcome.Conflict, VideoPetitionRules.Cancel(record, CaseActor.Resident, null, Now)!.Outcome);
        Assert.Equal(CommandOutcome.NotFound, VideoPetitionRules.Cancel(new VideoPetitionRecord(), Leader, null, Now)!.Outcome);
    }

    [Fact]
    public void The_petitions_of_a_case_are_read_from_its_timeline()
    {
        var @case = Acknowledged();
        CaseLifecycle.Notice(@case, new CaseNotice(CaseEventType.VideoPetitionRequested, "resident", null, "a", "p1"), Now);
        CaseLifecycle.Notice(@case, new CaseNotice(CaseEventType.VideoPetitionScheduled, "leader:x", "x", "t", "/video/p1"), Now);
        CaseLifecycle.Notice(@case, new CaseNotice(CaseEventType.VideoPetitionRequested, "resident", null, "b", "p2"), Now);

        Assert.Equal(["p1", "p2"], VideoPetitionRules.PetitionsOf(@case.ToSnapshot()));
    }

    [Fact]
    public void A_petition_is_requested_once_and_a_case_takes_another_only_when_none_is_open()
    {
        var (record, _) = Opened(Now.AddDays(1));

        Assert.Null(VideoPetitionRules.CheckNew(new VideoPetitionRecord()));
        Assert.Equal(RefusalCodes.PetitionExists, VideoPetitionRules.CheckNew(record)!.Refusal!.Code);
        Assert.Equal(RefusalCodes.PetitionOpen, VideoPetitionRules.CheckOther("p1", record.ToSnapshot())!.Refusal!.Code);
        Assert.Null(VideoPetitionRules.CheckOther("p0", null));
        VideoPetitionRules.Cancel(record, Leader, "改期", Now);
        Assert.Null(VideoPetitionRules.CheckOther("p1", record.ToSnapshot()));
    }
}
