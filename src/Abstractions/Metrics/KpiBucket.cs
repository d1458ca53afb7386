namespace Gongzhi.Metrics;

/// <summary>One day or month of a report, [Start, End) in county time: its total and the breakdowns asked for (empty when not asked).</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.KpiBucket")]
public sealed record KpiBucket(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] KpiFigures Total,
    [property: Id(3)] IReadOnlyList<KpiGroup> ByCommunity,
    [property: Id(4)] IReadOnlyList<KpiGroup> BySubdistrict,
    [property: Id(5)] IReadOnlyList<KpiGroup> ByCadre,
    [property: Id(6)] IReadOnlyList<KpiGroup> ByCategory,
    [property: Id(7)] IReadOnlyList<KpiGroup> ByLevel,
    [property: Id(8)] IReadOnlyList<KpiGroup> ByDepartment);
