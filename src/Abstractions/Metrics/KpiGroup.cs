namespace Gongzhi.Metrics;

/// <summary>The figures of the cases sharing one key of a dimension (a community, cadre …); a null key gathers the cases without one, e.g. not yet assigned.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.KpiGroup")]
public sealed record KpiGroup(
    [property: Id(0)] string? Key,
    [property: Id(1)] KpiFigures Figures);
