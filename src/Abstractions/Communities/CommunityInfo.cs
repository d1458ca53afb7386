namespace Gongzhi.Communities;

/// <summary>The public face of a community: what the submit form needs and where it sits on the ladder.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CommunityInfo")]
public sealed record CommunityInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string SubdistrictId,
    [property: Id(4)] string CountyId,
    [property: Id(5)] IReadOnlyList<CompoundInfo> Compounds,
    [property: Id(6)] IReadOnlyList<CategoryInfo> Categories)
{
    /// <summary>The SLA classes the categories refer to.</summary>
    [Id(7)]
    public IReadOnlyList<SlaClassInfo> SlaClasses { get; init; } = [];

    /// <summary>The 7 standing parties of the community's 7+X consultations.</summary>
    [Id(8)]
    public IReadOnlyList<ConsultationParty> StandingParties { get; init; } = [];

    /// <summary>The IANA time zone shifts are read in.</summary>
    [Id(9)]
    public string TimeZone { get; init; } = "Asia/Shanghai";
}
