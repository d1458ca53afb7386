namespace Gongzhi.Communities;

/// <summary>A party at a 7+X consultation: one of the community's 7 standing parties, or an invited stakeholder.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ConsultationParty")]
public sealed record ConsultationParty(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string? AccountId);
