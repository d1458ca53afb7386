using Gongzhi.Cases;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class CaseReopeningTests
{
    [Fact]
    public void Unsatisfied_reopens_the_case_for_another_cadre_at_the_same_level()
    {
        var record = Resolved("wang");
        var t = CaseLifecycle.Rate(record, SatisfactionRating.Unsatisfied, "还是不热", T0.AddHours(2));

        Assert.Equal([CaseEventType.Rated, CaseEventType.Reopened], t.Types());
        Assert.Equal(CaseStatus.Accepted, record.Status);
        Assert.True(t.NeedsDispatch);
        Assert.Equal(["wang"], record.PassedOver);
        Assert.Null(record.AssigneeId);
        Assert.Null(record.Rating);
        Assert.Equal(1, record.ReopenCount);
        Assert.Equal(CaseLevel.Community, record.Level);
        Assert.Equal(T0.AddHours(2).AddHours(24), record.Deadlines.ResolveBy);
    }

    [Fact]
    public void A_second_reopening_also_moves_the_case_one_level_up()
    {
        var record = Resolved("wang");
        CaseLifecycle.Rate(record, SatisfactionRating.Unsatisfied, null, T0.AddHours(2));
        CaseLifecycle.Assign(record, AssignTo("li", T0.AddHours(3)));
        CaseLifecycle.Acknowledge(record, "li", T0.AddHours(3));
        CaseLifecycle.Resolve(record, CaseActor.Cadre("li"), "again", null, T0.AddHours(4));

        var t = CaseLifecycle.Rate(record, SatisfactionRating.Unsatisfied, null, T0.AddHours(5));

        Assert.Equal([CaseEventType.Rated, CaseEventType.Reopened, CaseEventType.Escalated], t.Types());
        Assert.Equal(CaseLevel.Subdistrict, record.Level);
        Assert.Equal("wenshang-subdistrict", record.LevelOwnerId);
        Assert.Equal(2, record.ReopenCount);
        Assert.Equal(["li"], record.PassedOver);
    }

    [Fact]
    public void A_reopened_round_starts_its_mode_steps_from_scratch()
    {
        var record = Acknowledged(mode: HandlingMode.LeadThrough);
        ModeWorkflow.Step(record, CaseActor.Cadre("wang"), new CaseStep(CaseEventType.AccompanimentArranged, "明天 9 点 · 社保窗口"), T0);
        ModeWorkflow.Step(record, CaseActor.Resident, new CaseStep(CaseEventType.LedThroughConfirmed, null), T0);
        CaseLifecycle.Resolve(record, CaseActor.Cadre("wang"), "办好了", null, T0);
        CaseLifecycle.Rate(record, SatisfactionRating.Unsatisfied, null, T0);

        Assert.Empty(ModeWorkflow.StepsDone(record));
    }
}
