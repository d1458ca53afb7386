namespace Gongzhi.Cases;

/// <summary>Where the resident lives: a compound of the community, optionally a building and unit.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseLocation")]
public sealed record CaseLocation(
    [property: Id(0)] string Compound,
    [property: Id(1)] string? Building,
    [property: Id(2)] string? Unit);
