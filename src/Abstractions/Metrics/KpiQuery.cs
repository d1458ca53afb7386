namespace Gongzhi.Metrics;

/// <summary>
/// What a KPI report covers: cases submitted in the whole buckets (days or months, county time) that
/// overlap [<see cref="From"/>, <see cref="To"/>), broken down by the given dimensions; with a <see cref="Department"/>, only the cases of that department's categories.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.KpiQuery")]
public sealed record KpiQuery(
    [property: Id(0)] string Scope,
    [property: Id(1)] KpiPeriod Period,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] IReadOnlyList<KpiDimension> Dimensions,
    [property: Id(5)] string? Department = null);
