using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Gongzhi.Telemetry;
using OpenTelemetry.Resources;

namespace Gongzhi.Hosting;

/// <summary>
/// The metrics both processes export through OpenTelemetry: their own meter, ASP.NET Core's (HTTP server, Kestrel,
/// SignalR, routing, rate limiting), Orleans' and the runtime's. Prometheus scrapes them at <see cref="ScrapePath"/> on
/// the management port; OTLP pushes them too when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or its metrics variant) is set.
/// </summary>
public static class MetricsExport
{
    public const string ScrapePath = "/metrics";

    /// <summary>What every process exports beside its own meter.</summary>
    public static readonly string[] PlatformMeters = ["Microsoft.AspNetCore.*", "Microsoft.Orleans", "System.Runtime", "System.Net.Http"];

    /// <summary>Adds to the process's one OpenTelemetry set-up (tracing adds its own part); <c>OTEL_SERVICE_NAME</c> (when not empty) wins over <paramref name="serviceName"/>.</summary>
    public static IServiceCollection AddMetricsExport(this IServiceCollection services, IConfiguration configuration, string serviceName, string ownMeter)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(TelemetrySetup.ServiceName(configuration, serviceName)))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([ownMeter, .. PlatformMeters]).AddPrometheusExporter();
                if (TelemetrySetup.MetricsExported(configuration))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
