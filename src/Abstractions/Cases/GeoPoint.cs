namespace Gongzhi.Cases;

/// <summary>A point on the earth in WGS 84 degrees (as a phone's GPS and Open311's <c>lat</c>/<c>long</c> give it).</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.GeoPoint")]
public sealed record GeoPoint(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude);
