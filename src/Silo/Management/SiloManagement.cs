using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Gongzhi.Silo.Management;

/// <summary>
/// The silo's management port (<c>Management:Urls</c>, loopback by default): liveness and readiness for orchestrators,
/// and the Orleans Dashboard under <see cref="DashboardPath"/>, built at its first request (<see cref="DashboardOnDemand"/>).
/// The port carries no resident or staff traffic; the gateway is the only public door, and it fronts the dashboard
/// for admins.
/// Prometheus scrapes <c>/metrics</c> here.
/// </summary>
public static class SiloManagement
{
    public const string Section = "Management";

    /// <summary>Where the silo's management endpoints listen unless <c>Management:Urls</c> says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9191";

    /// <summary>Where the Orleans Dashboard answers on the management port.</summary>
    public const string DashboardPath = "/dashboard";

    public static WebApplicationBuilder AddSiloManagement(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls(builder.Configuration[$"{Section}:Urls"] ?? DefaultUrls);
        builder.Services.AddSingleton<SiloStorageProbe>();
        builder.Services.AddSingleton(sp => new SiloReadiness(
            sp.GetRequiredService<SiloStorageProbe>(), sp.GetRequiredKeyedService<TimeProvider>(Extensions.Clocks.Liveness)));
        builder.Services.AddSingleton<Orleans.ILifecycleParticipant<Orleans.Runtime.ISiloLifecycle>>(sp => sp.GetRequiredService<SiloReadiness>());
        if (DashboardOn(builder.Configuration))
        {
            builder.Services.AddSingleton(DashboardNetworkGuard.From(builder.Configuration.GetSection($"{Section}:DashboardNetworks").Get<string[]>() ?? []));
            builder.Services.AddSingleton(sp => DashboardOnDemand.For(sp, DashboardPath));
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    public static WebApplication MapSiloManagement(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<SiloReadiness>();
        app.Lifetime.ApplicationStopping.Register(readiness.Stopping);
        app.MapGet("/healthz/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/healthz/ready", async (SiloReadiness ready, CancellationToken cancellationToken) => await ready.IsReadyAsync(cancellationToken)
            ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = "notReady" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapPrometheusScrapingEndpoint(Gongzhi.Hosting.MetricsExport.ScrapePath);

        if (DashboardOn(app.Configuration))
        {
            var guard = app.Services.GetRequiredService<DashboardNetworkGuard>();
            var dashboard = app.Services.GetRequiredService<DashboardOnDemand>();
            app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardPath), branch =>
            {
                branch.Use(guard.InvokeAsync);
                branch.Run(dashboard.InvokeAsync);
            });
        }

        return app;
    }

    /// <summary>The dashboard is on unless <c>Management:Dashboard</c> is false (it profiles grain calls only while someone watches).</summary>
    private static bool DashboardOn(IConfiguration configuration) => configuration.GetValue($"{Section}:Dashboard", true);
}
