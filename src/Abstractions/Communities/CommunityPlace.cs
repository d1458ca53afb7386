namespace Gongzhi.Communities;

/// <summary>Where a community sits on the ladder: enough to find the communities a scope covers.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CommunityPlace")]
public sealed record CommunityPlace(
    [property: Id(0)] string Id,
    [property: Id(1)] string SubdistrictId,
    [property: Id(2)] string CountyId);
