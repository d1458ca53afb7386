using Gongzhi.Cases;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class DeadlineRulesTests
{
    [Fact]
    public void Nothing_happens_before_a_deadline()
    {
        var record = Assigned();
        Assert.False(DeadlineRules.Apply(record, T0.AddMinutes(5)).Changed);
        Assert.Equal(T0.AddSeconds(2).AddMinutes(10), DeadlineRules.Next(record));
    }

    [Fact]
    public void An_offer_not_acknowledged_in_ten_minutes_is_withdrawn_for_the_next_cadre()
    {
        var record = Assigned("wang");
        var t = DeadlineRules.Apply(record, T0.AddMinutes(11));

        Assert.Equal([CaseEventType.OfferExpired], t.Types());
        Assert.Equal("wang", t.ReleasedCadreId);
        Assert.True(t.NeedsDispatch);
        Assert.Equal(CaseStatus.Accepted, record.Status);
        Assert.Contains("wang", record.PassedOver);
    }

    [Fact]
    public void A_missed_acknowledge_by_is_noted_once()
    {
        var record = Accepted();
        Assert.Equal([CaseEventType.AcknowledgeOverdue], DeadlineRules.Apply(record, T0.AddHours(3)).Types());
        Assert.False(DeadlineRules.Apply(record, T0.AddHours(4)).Changed);
    }

    [Fact]
    public void A_missed_resolve_by_escalates_by_itself_with_a_fresh_window()
    {
        var record = Acknowledged();
        var t = DeadlineRules.Apply(record, T0.AddHours(25));

        Assert.Equal([CaseEventType.ResolveOverdue, CaseEventType.Escalated], t.Types());
        Assert.Equal(CaseLevel.Subdistrict, record.Level);
        Assert.Equal("system", t.Events[1].Actor);
        Assert.Equal(T0.AddHours(25).AddHours(24), record.Deadlines.ResolveBy);

        DeadlineRules.Apply(record, T0.AddHours(50));
        Assert.Equal(CaseLevel.Department, record.Level);
    }

    [Fact]
    public void At_the_leader_a_missed_resolve_by_is_noted_and_not_repeated()
    {
        var record = Acknowledged();
        for (var i = 1; i <= 3; i++)
        {
            DeadlineRules.Apply(record, T0.AddHours(25 * i));
        }

        Assert.Equal(CaseLevel.Leader, record.Level);
        var atTop = DeadlineRules.Apply(record, T0.AddHours(200));
        Assert.Equal([CaseEventType.ResolveOverdue], atTop.Types());
        Assert.False(DeadlineRules.Apply(record, T0.AddHours(300)).Changed);
    }

    [Fact]
    public void A_resolved_case_not_rated_within_seven_days_closes_as_no_response()
    {
        var record = Resolved();
        Assert.False(DeadlineRules.Apply(record, T0.AddHours(1).AddDays(7).AddMinutes(-1)).Changed);

        var t = DeadlineRules.Apply(record, T0.AddHours(1).AddDays(7));

        Assert.Equal([CaseEventType.ClosedNoResponse], t.Types());
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(CaseClosure.NoResponse, record.Closure);
        Assert.Null(record.Rating);
        Assert.Null(DeadlineRules.Next(record));
    }
}
