using Gongzhi.Cases;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class MetricsRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static CaseFact Fact(DateTimeOffset submitted, DateTimeOffset? resolved, CaseClosure? closure) =>
        new("c1", "ximen", "wenshang-subdistrict", "heating", CaseKind.Service, "wang", submitted, submitted, null, null, resolved, null, null, null, closure);

    [Fact]
    public void A_case_closed_after_a_last_step_over_400_days_ago_is_dropped()
    {
        Assert.True(MetricsRetention.IsExpired(Fact(Now.AddDays(-420), Now.AddDays(-401), CaseClosure.Rated), Now));
    }

    [Fact]
    public void A_case_whose_last_step_is_within_400_days_is_kept_however_old_its_submission()
    {
        Assert.False(MetricsRetention.IsExpired(Fact(Now.AddDays(-420), Now.AddDays(-399), CaseClosure.NoResponse), Now));
    }

    [Fact]
    public void An_open_case_is_kept_however_old()
    {
        Assert.False(MetricsRetention.IsExpired(Fact(Now.AddDays(-900), null, null), Now));
    }
}
