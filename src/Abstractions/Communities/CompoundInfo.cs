namespace Gongzhi.Communities;

/// <summary>A residential compound (小区) of a community, with its buildings.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CompoundInfo")]
public sealed record CompoundInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] IReadOnlyList<string> Buildings);
