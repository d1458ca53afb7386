namespace Gongzhi.Metrics;

/// <summary>A community's headline KPIs for the live board: today's and this month's cases (county time).</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.KpiSummary")]
public sealed record KpiSummary(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] DateTimeOffset DayStart,
    [property: Id(2)] KpiFigures Today,
    [property: Id(3)] DateTimeOffset MonthStart,
    [property: Id(4)] KpiFigures ThisMonth);
