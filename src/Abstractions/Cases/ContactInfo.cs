namespace Gongzhi.Cases;

/// <summary>How staff reach the resident; personal data, shown to staff only.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ContactInfo")]
public sealed record ContactInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone);
