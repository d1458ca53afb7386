namespace Gongzhi.Gateway.Places;

/// <summary>Where the communities' places GeoJSON files (<c>{communityId}.geojson</c>) are read from at start.</summary>
public sealed class PlacesOptions
{
    public const string Section = "Places";

    /// <summary>The folder, relative to the content root; by default the repository's <c>seeds/places</c> (the images set <c>/app/places</c>).</summary>
    public string Directory { get; set; } = "../../seeds/places";
}
