using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// The headers every answer of the gateway carries (pages, API, static files, errors), and no source maps:
/// the pages load only their own scripts, styles and hub; no site may frame them; no browser guesses a type;
/// no link out of a page carries its address (a tracking page's address holds the tracking token).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Same origin only; <c>connect-src 'self'</c> covers the hub's WebSocket on the same host.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Orleans Dashboard, fronted at <c>/ops/orleans/</c> for admins, embeds its icon fonts as data: addresses and sets inline styles; scripts stay 'self' only.</summary>
    public const string OrleansDashboardPolicy = ContentSecurityPolicy + "; font-src 'self' data:; style-src 'self' 'unsafe-inline'";

    public const string ReferrerPolicy = "no-referrer";

    /// <summary>The pages' policy, with the map's tile origin (<c>Map:TileUrl</c>) among the image sources when one is configured.</summary>
    public static string PolicyWithTiles(string? tileOrigin) =>
        tileOrigin is null ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("img-src 'self' data: blob:", $"img-src 'self' data: blob: {tileOrigin}", StringComparison.Ordinal);

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var pagesPolicy = PolicyWithTiles(app.Services.GetRequiredService<IOptions<Map.MapOptions>>().Value.TileOrigin);
        app.Use((context, next) =>
        {
            // Set as the answer starts, so the exception handler's clearing of headers does not drop them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Ops.OpsApi.OrleansPath) ? OrleansDashboardPolicy : pagesPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            });

            // The dashboard's source maps would publish its sources; none is built for production, none is served.
            if (context.Request.Path.Value?.EndsWith(".map", StringComparison.OrdinalIgnoreCase) == true)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }
}
