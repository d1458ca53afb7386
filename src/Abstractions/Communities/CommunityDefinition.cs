namespace Gongzhi.Communities;

/// <summary>A community as the seeds describe it: its public face and its cadre roster.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CommunityDefinition")]
public sealed record CommunityDefinition(
    [property: Id(0)] CommunityInfo Info,
    [property: Id(1)] IReadOnlyList<CadreProfile> Cadres);
