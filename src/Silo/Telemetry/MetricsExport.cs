using System.Diagnostics.Metrics;
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

    /// <summary>
    /// Series a platform instrument keeps; the tag sets past it are counted together in one series labelled
    /// <c>otel_metric_overflow="true"</c>. OpenTelemetry allocates each instrument's points up front for its limit, so
    /// the default (2,000 for each of a silo's ~140 instruments) held ~20 MB that no series used.
    /// </summary>
    public const int PlatformSeriesLimit = 200;

    /// <summary>The instrument that keeps OpenTelemetry's default limit among the platform's: one series per route, method and status.</summary>
    public const string HttpServerDuration = "http.server.request.duration";

    /// <summary>Adds to the process's one OpenTelemetry set-up (tracing adds its own part); <c>OTEL_SERVICE_NAME</c> (when not empty) wins over <paramref name="serviceName"/>.</summary>
    public static IServiceCollection AddMetricsExport(this IServiceCollection services, IConfiguration configuration, string serviceName, string ownMeter)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(TelemetrySetup.ServiceName(configuration, serviceName)))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([ownMeter, .. PlatformMeters]).AddView(instrument => SeriesLimit(instrument, ownMeter)).AddPrometheusExporter();
                if (TelemetrySetup.MetricsExported(configuration))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>Our own instruments (one series per community at most) and the HTTP server's keep the default; the rest of the platform's keep <see cref="PlatformSeriesLimit"/>.</summary>
    private static MetricStreamConfiguration? SeriesLimit(Instrument instrument, string ownMeter) =>
        instrument.Meter.Name == ownMeter || instrument.Name == HttpServerDuration
            ? null
            : new MetricStreamConfiguration { CardinalityLimit = PlatformSeriesLimit };
}
