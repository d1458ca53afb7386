using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Apis;

/// <summary>Serves the built dashboard: its assets, and one HTML page per path.</summary>
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
    ];

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.DashboardPath));
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("No built dashboard at {DashboardPath}; run `npm run build:dashboard`", root);
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        foreach (var (route, file) in Pages)
        {
            var path = Path.Combine(root, file);
            app.MapGet(route, () => Results.File(path, "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }
}
