using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Silo.Management;

/// <summary>
/// The silo's management port (<c>Management:Urls</c>, loopback by default): liveness and readiness for orchestrators.
/// Prometheus scrapes <c>/metrics</c> here. The port carries no resident or staff traffic; the gateway is the only public door.
/// </summary>
public static class SiloManagement
{
    public const string Section = "Management";

    /// <summary>Where the silo's management endpoints listen unless <c>Management:Urls</c> says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9191";

    public static WebApplicationBuilder AddSiloManagement(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls(builder.Configuration[$"{Section}:Urls"] ?? DefaultUrls);
        builder.Services.AddSingleton<SiloReadiness>();
        builder.Services.AddSingleton<Orleans.ILifecycleParticipant<Orleans.Runtime.ISiloLifecycle>>(sp => sp.GetRequiredService<SiloReadiness>());
        return builder;
    }

    public static WebApplication MapSiloManagement(this WebApplication app)
    {
        app.MapGet("/healthz/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/healthz/ready", (SiloReadiness readiness) => readiness.IsReady
            ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = "notReady" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapPrometheusScrapingEndpoint(Gongzhi.Hosting.MetricsExport.ScrapePath);
        return app;
    }
}
