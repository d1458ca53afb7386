using Gongzhi.Cases;
using Gongzhi.Domain;
using Gongzhi.Refusals;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

/// <summary>An official takes responsibility for a case at their level (接办).</summary>
public sealed class LevelTakingTests
{
    private static readonly CaseActor Official = CaseActor.Staff("dispatcher", "wenshang-subdistrict-official");
    private static readonly CaseActor OtherOfficial = CaseActor.Staff("dispatcher", "deputy");

    private static CaseRecord AtSubdistrict()
    {
        var record = Acknowledged();
        EscalationLadder.Escalate(record, Official, "超出社区能力", T0);
        return record;
    }

    [Fact]
    public void Taking_a_case_at_the_level_puts_the_official_and_the_level_on_the_timeline()
    {
        var record = AtSubdistrict();

        var t = EscalationLadder.Take(record, Official, T0.AddMinutes(5));

        Assert.Equal(CommandOutcome.Ok, t.Outcome);
        var taken = Assert.Single(t.Events);
        Assert.Equal(CaseEventType.Taken, taken.Type);
        Assert.Equal(Official.Id, taken.Actor);
        Assert.Equal("wenshang-subdistrict", taken.Reference);
        Assert.Equal(CaseStatus.Acknowledged, record.Status);
        Assert.Equal(CaseLevel.Subdistrict, record.Level);
    }

    [Fact]
    public void Taking_it_again_changes_nothing()
    {
        var record = AtSubdistrict();
        EscalationLadder.Take(record, Official, T0);
        var seq = record.LastSeq;

        var again = EscalationLadder.Take(record, Official, T0.AddMinutes(1));

        Assert.Equal(CommandOutcome.Ok, again.Outcome);
        Assert.False(again.Changed);
        Assert.Equal(seq, record.LastSeq);
    }

    [Fact]
    public void Another_official_of_the_level_is_refused_while_it_is_taken()
    {
        var record = AtSubdistrict();
        EscalationLadder.Take(record, Official, T0);

        var t = EscalationLadder.Take(record, OtherOfficial, T0);

        Assert.Equal(CommandOutcome.Conflict, t.Outcome);
        Assert.Equal(RefusalCodes.TakenByOther, t.Refusal!.Code);
    }

    [Fact]
    public void Once_the_case_moves_to_another_level_it_may_be_taken_there()
    {
        var record = AtSubdistrict();
        EscalationLadder.Take(record, Official, T0);
        EscalationLadder.Escalate(record, Official, "需要主管部门", T0);
        var liaison = CaseActor.Staff("department", "heating-liaison");

        var t = EscalationLadder.Take(record, liaison, T0);

        Assert.Equal(CommandOutcome.Ok, t.Outcome);
        Assert.Equal("heating", t.Events[0].Reference);
        Assert.Equal(liaison.Id, EscalationLadder.TakenBy(record)!.Actor);
    }

    [Fact]
    public void A_case_at_the_community_is_not_taken_by_an_official()
    {
        var t = EscalationLadder.Take(Acknowledged(), Official, T0);

        Assert.Equal(RefusalCodes.NotAboveCommunity, t.Refusal!.Code);
    }

    [Fact]
    public void The_cadre_does_not_take_a_case_above_the_community()
    {
        var t = EscalationLadder.Take(AtSubdistrict(), CaseActor.Cadre("c1"), T0);

        Assert.Equal(CommandOutcome.Forbidden, t.Outcome);
        Assert.Equal(RefusalCodes.LevelOfficialOnly, t.Refusal!.Code);
    }

    [Fact]
    public void A_resolved_case_is_not_taken()
    {
        var record = AtSubdistrict();
        CaseLifecycle.Resolve(record, Official, "已协调解决", null, T0);

        Assert.Equal(RefusalCodes.CaseNotOpen, EscalationLadder.Take(record, Official, T0).Refusal!.Code);
    }
}
