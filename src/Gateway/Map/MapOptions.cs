namespace Gongzhi.Gateway.Map;

/// <summary>
/// The map of open cases (section <c>Map</c>): a tile source for deployments that can reach one. Empty by default: the
/// pages then draw only the compounds' outlines from the places GeoJSON, which needs no server but this one.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>A Leaflet tile URL template, e.g. <c>https://{s}.tile.example.org/{z}/{x}/{y}.png</c>; empty for none.</summary>
    public string TileUrl { get; set; } = "";

    /// <summary>The attribution the tile source's licence asks for (plain text), shown in the map's corner.</summary>
    public string TileAttribution { get; set; } = "";

    /// <summary>Empty, or an absolute http(s) template with {z}, {x} and {y}.</summary>
    public bool IsValid() => TileUrl.Length == 0 || (TileOrigin is not null && TileUrl.Contains("{z}") && TileUrl.Contains("{x}") && TileUrl.Contains("{y}"));

    /// <summary>The origin the tiles come from, as a Content-Security-Policy source (<c>{s}.</c> subdomains as <c>*.</c>); null when none is set.</summary>
    public string? TileOrigin
    {
        get
        {
            if (TileUrl.Length == 0)
            {
                return null;
            }

            // A host of {s}.example.org is not a valid URI host; the browser fills {s} with a subdomain letter.
            var sample = TileUrl.Replace("{s}.", "a.", StringComparison.Ordinal);
            if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                return null;
            }

            var host = TileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[2..] : uri.Host;
            return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        }
    }
}
