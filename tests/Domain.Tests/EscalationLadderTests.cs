using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Refusals;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class EscalationLadderTests
{
    private static readonly CaseActor Official = CaseActor.Staff("dispatcher", "subdistrict-official");

    [Fact]
    public void A_case_climbs_community_subdistrict_department_leader_and_no_further()
    {
        var record = Acknowledged();
        var owners = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CommandOutcome.Ok, EscalationLadder.Escalate(record, Official, "超出社区能力", T0.AddHours(i)).Outcome);
            owners.Add(record.LevelOwnerId);
        }

        Assert.Equal(["wenshang-subdistrict", "heating", "wenshang"], owners);
        Assert.Equal(CaseLevel.Leader, record.Level);
        Assert.Equal(CommandOutcome.Conflict, EscalationLadder.Escalate(record, Official, "again", T0).Outcome);
    }

    [Fact]
    public void A_category_without_a_department_goes_from_the_subdistrict_to_the_leader()
    {
        var record = Acknowledged(terms: Terms with { DepartmentId = null });
        EscalationLadder.Escalate(record, Official, "1", T0);
        EscalationLadder.Escalate(record, Official, "2", T0);
        Assert.Equal(CaseLevel.Leader, record.Level);
    }

    [Fact]
    public void Escalating_gives_the_new_level_a_fresh_resolve_by_window_and_names_it_on_the_event()
    {
        var record = Acknowledged();
        var t = EscalationLadder.Escalate(record, Official, "群体性诉求", T0.AddHours(5));

        Assert.Equal(T0.AddHours(5).AddHours(24), record.Deadlines.ResolveBy);
        Assert.Equal("wenshang-subdistrict", t.Events[0].Reference);
        Assert.Equal("群体性诉求", t.Events[0].Note);
        Assert.Equal(CaseStatus.Acknowledged, record.Status);
    }

    [Fact]
    public void A_level_hands_the_case_back_down_with_instructions()
    {
        var record = Acknowledged();
        EscalationLadder.Escalate(record, Official, "up", T0);
        EscalationLadder.Escalate(record, Official, "up", T0);

        var t = EscalationLadder.Return(record, CaseActor.Staff("department", "heating-liaison"), "热力公司已派人，请社区配合入户", T0);

        Assert.Equal(CaseLevel.Subdistrict, record.Level);
        Assert.Equal("热力公司已派人，请社区配合入户", t.Events[0].Note);
        EscalationLadder.Return(record, Official, "社区跟进", T0);
        Assert.Equal(CaseLevel.Community, record.Level);
        Assert.Equal(CommandOutcome.Conflict, EscalationLadder.Return(record, Official, "no lower", T0).Outcome);
    }

    [Fact]
    public void The_level_a_case_is_resolved_at_is_recorded()
    {
        var record = Acknowledged();
        EscalationLadder.Escalate(record, Official, "up", T0);
        CaseLifecycle.Resolve(record, Official, "街道协调解决", null, T0.AddHours(2));
        Assert.Equal(CaseLevel.Subdistrict, record.ResolvedAtLevel);
    }

    [Fact]
    public void A_resolved_case_is_neither_escalated_nor_handed_back()
    {
        var record = Resolved();
        Assert.Equal(CommandOutcome.Conflict, EscalationLadder.Escalate(record, Official, "x", T0).Outcome);
        Assert.Equal(CommandOutcome.Conflict, EscalationLadder.Return(record, Official, "x", T0).Outcome);
    }

    [Fact]
    public void Once_the_case_has_climbed_its_cadre_neither_resolves_nor_escalates_it_the_level_holding_it_acts()
    {
        var record = Acknowledged(cadre: "wang");
        EscalationLadder.Escalate(record, CaseActor.Cadre("wang"), "超出社区能力", T0);

        var resolve = CaseLifecycle.Resolve(record, CaseActor.Cadre("wang"), "我来办结", null, T0.AddHours(1));
        var escalate = EscalationLadder.Escalate(record, CaseActor.Cadre("wang"), "再往上", T0.AddHours(1));

        Assert.Equal((CommandOutcome.Forbidden, RefusalCodes.LevelOfficialOnly), (resolve.Outcome, resolve.Refusal!.Code));
        Assert.Equal((CommandOutcome.Forbidden, RefusalCodes.LevelOfficialOnly), (escalate.Outcome, escalate.Refusal!.Code));
        Assert.Equal((CaseLevel.Subdistrict, CaseStatus.Acknowledged), (record.Level, record.Status));
        Assert.Equal(CommandOutcome.Ok, CaseLifecycle.Resolve(record, Official, "街道协调解决", null, T0.AddHours(2)).Outcome);
    }
}
