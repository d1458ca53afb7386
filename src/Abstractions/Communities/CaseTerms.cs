namespace Gongzhi.Communities;

/// <summary>What a community tells a new case about itself: where it sits on the ladder and how long it has.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseTerms")]
public sealed record CaseTerms(
    [property: Id(0)] string SubdistrictId,
    [property: Id(1)] string CountyId,
    [property: Id(2)] string? DepartmentId,
    [property: Id(3)] TimeSpan AcknowledgeWithin,
    [property: Id(4)] TimeSpan ResolveWithin,
    [property: Id(5)] TimeSpan OfferWindow);
