using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Apis;

/// <summary>Serves the built dashboard: its assets, and one HTML page per path, all public (the pages ask for sign-in themselves).</summary>
public static class DashboardPages
{
    private static readonly (string Route, string File)[] Pages =
    [
        ("/", "index.html"),
        ("/submit", "submit.html"),
        ("/track/{trackingToken}", "track.html"),
        ("/cadre", "cadre.html"),
        ("/board", "board.html"),
        ("/signin", "signin.html"),
        ("/admin", "admin.html"),
        ("/video/{petitionId}", "video.html"),
        ("/meetings", "meetings.html"),
        ("/meetings/{consultationId}", "meetings.html"),
        ("/official", "official.html"),
    ];

    /// <summary>The built assets; call before <c>UseAuthorization</c>, whose fallback policy would refuse them.</summary>
    public static WebApplication UseDashboardFiles(this WebApplication app)
    {
        if (Root(app) is { } root)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        }

        return app;
    }

    public static WebApplication MapDashboardPages(this WebApplication app)
    {
        if (Root(app) is not { } root)
        {
            app.Logger.LogWarning("No built dashboard at {DashboardPath}; run `npm run build:dashboard`", RootPath(app));
            return app;
        }

        foreach (var (route, file) in Pages)
        {
            var path = Path.Combine(root, file);
            app.MapGet(route, () => Results.File(path, "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }

    private static string? Root(WebApplication app) => RootPath(app) is var root && Directory.Exists(root) ? root : null;

    private static string RootPath(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        return Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.DashboardPath));
    }
}
