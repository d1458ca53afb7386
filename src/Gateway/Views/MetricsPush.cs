using Gongzhi.Metrics;

namespace Gongzhi.Gateway.Views;

/// <summary>A community's headline KPIs: the <c>metricsUpdated</c> message, and the answer of the summary route.</summary>
public sealed record MetricsPush(
    string CommunityId,
    DateTimeOffset At,
    DateTimeOffset DayStart,
    KpiFigures Today,
    DateTimeOffset MonthStart,
    KpiFigures ThisMonth)
{
    public static MetricsPush From(string communityId, KpiSummary s) => new(communityId, s.At, s.DayStart, s.Today, s.MonthStart, s.ThisMonth);
}
