using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Gongzhi.Telemetry;

/// <summary>What the silo and the gateway set up alike: the service name, whether traces are exported, structured logs.</summary>
public static class TelemetrySetup
{
    /// <summary>The standard variable naming the OTLP collector; the traces-only one overrides it.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string OtlpTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    public const string OtlpMetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    /// <summary><c>OTEL_SERVICE_NAME</c> when set, else this process's own name (<c>gongzhi-gateway</c>, <c>gongzhi-silo</c>).</summary>
    public static string ServiceName(IConfiguration configuration, string defaultName) =>
        configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : defaultName;

    /// <summary>
    /// Traces are recorded only when there is a collector to send them to: without an endpoint no span is created,
    /// so a deployment without a collector pays nothing. <c>OTEL_SDK_DISABLED=true</c> turns them off too.
    /// </summary>
    public static bool TracesExported(IConfiguration configuration) => OtlpExported(configuration, OtlpTracesEndpoint);

    /// <summary>
    /// Metrics are pushed over OTLP only when an endpoint is set (the exporter would otherwise push to localhost:4317 for
    /// nothing), and not with <c>OTEL_SDK_DISABLED=true</c>; Prometheus' scrape endpoint serves them either way.
    /// </summary>
    public static bool MetricsExported(IConfiguration configuration) => OtlpExported(configuration, OtlpMetricsEndpoint);

    // The shared endpoint or the signal's own, unless the SDK is switched off.
    private static bool OtlpExported(IConfiguration configuration, string signalEndpoint) =>
        !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
        && (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]) || !string.IsNullOrWhiteSpace(configuration[signalEndpoint]));

    /// <summary>
    /// One JSON object a line outside Development (the simple text format in Development), with scopes: the trace
    /// and span id of every line, and the silo's <c>CaseLogScope</c> where a case is handled.
    /// <c>Logging:Console:FormatterName</c> (json | simple | systemd) chooses another format.
    /// </summary>
    public static IHostApplicationBuilder AddStructuredLogs(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var formatter = builder.Configuration["Logging:Console:FormatterName"]
            ?? (builder.Environment.IsDevelopment() ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        var options = builder.Configuration.GetSection("Logging:Console:FormatterOptions");
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            // Defaults only: what the configuration sets stays.
            o.IncludeScopes = options["IncludeScopes"] is null || o.IncludeScopes;
            o.UseUtcTimestamp = options["UseUtcTimestamp"] is null || o.UseUtcTimestamp;
            // The 'Z' only where the time printed is UTC: a deployment that turns UTC off gets an offset instead.
            o.TimestampFormat ??= o.UseUtcTimestamp ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz";
        });
        return builder;
    }
}
