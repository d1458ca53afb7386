namespace Gongzhi.Cases;

/// <summary>
/// Where the resident lives: a compound of the community, optionally a building and unit, and the point the resident's
/// phone or an Open311 client gave (null when none was given; omitted from stored rows then).
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseLocation")]
public sealed record CaseLocation(
    [property: Id(0)] string Compound,
    [property: Id(1)] string? Building,
    [property: Id(2)] string? Unit,
    [property: Id(3)][property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] GeoPoint? Point = null);
