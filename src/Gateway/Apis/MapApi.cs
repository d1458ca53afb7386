using Gongzhi.Gateway.Map;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Apis;

/// <summary>The map's settings (issue 15): which tile source, if any, the board's and the officials' maps draw under the compounds.</summary>
public static class MapApi
{
    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/map/settings", GetSettings).WithName("GetMapSettings").WithTags("Staff").AllowAnonymous()
            .WithSummary("The tile source the maps draw under the compounds' outlines (Map:TileUrl, Map:TileAttribution); both null when none is configured");
        return app;
    }

    public static Ok<MapSettings> GetSettings(IOptions<MapOptions> options)
    {
        var map = options.Value;
        return TypedResults.Ok(map.TileUrl.Length == 0
            ? new MapSettings(null, null)
            : new MapSettings(map.TileUrl, map.TileAttribution.Length == 0 ? null : map.TileAttribution));
    }
}
