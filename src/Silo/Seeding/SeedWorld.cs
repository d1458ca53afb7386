using System.Text.Json;
using System.Text.Json.Serialization;
using Gongzhi.Communities;

namespace Gongzhi.Silo.Seeding;

/// <summary>The shape of <c>seeds/world.json</c>: the county, its sub-districts and departments, the categories it takes and their SLA classes.</summary>
public sealed record SeedWorld(
    SeedPlace County,
    IReadOnlyList<SeedSubdistrict> Subdistricts,
    IReadOnlyList<SeedPlace> Departments,
    IReadOnlyList<CategoryInfo> Categories,
    IReadOnlyList<SlaClassInfo> SlaClasses,
    string TimeZone)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

/// <summary>A named place or body on the ladder.</summary>
public sealed record SeedPlace(string Id, string Name, string NameEn);

/// <summary>A sub-district (街道) of the county.</summary>
public sealed record SeedSubdistrict(string Id, string Name, string NameEn, string CountyId);

/// <summary>The shape of <c>seeds/communities/*.json</c>.</summary>
public sealed record SeedCommunity(
    string Id,
    string Name,
    string NameEn,
    string SubdistrictId,
    IReadOnlyList<CompoundInfo> Compounds,
    IReadOnlyList<CadreProfile> Cadres,
    IReadOnlyList<ConsultationParty> StandingParties);
