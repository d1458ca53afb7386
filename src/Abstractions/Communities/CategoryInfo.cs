using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>A category of request a community takes, with the handling mode it starts in.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CategoryInfo")]
public sealed record CategoryInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] HandlingMode DefaultMode);
