namespace Gongzhi.Metrics;

/// <summary>The KPIs of a scope over whole buckets [From, To), bucketed by submission time in the county's time zone.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.KpiReport")]
public sealed record KpiReport(
    [property: Id(0)] string Scope,
    [property: Id(1)] KpiPeriod Period,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] DateTimeOffset GeneratedAt,
    [property: Id(6)] KpiFigures Total,
    [property: Id(7)] IReadOnlyList<KpiBucket> Buckets)
{
    /// <summary>The county's time zone: days and months are counted in it.</summary>
    public const string CountyTimeZone = "Asia/Shanghai";
}
