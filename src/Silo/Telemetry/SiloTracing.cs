using System.Diagnostics;
using Gongzhi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Gongzhi.Silo.Telemetry;

/// <summary>
/// The silo's traces and logs: the intake worker continues the trace each submission carries in its queue message
/// (<see cref="IntakeSpans"/>), Orleans' activity propagation makes every grain call a span of the caller's trace
/// (the observer calls to the gateways too), and OTLP exports them when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class SiloTracing
{
    public const string ServiceName = "gongzhi-silo";

    /// <summary>Our own spans: an intake submission's processing.</summary>
    public static readonly ActivitySource Source = new("Gongzhi.Silo");

    public static IHostApplicationBuilder AddSiloTelemetry(this IHostApplicationBuilder builder)
    {
        builder.AddStructuredLogs();
        builder.UseOrleans(silo => silo.AddIncomingGrainCallFilter<CaseLogScopeFilter>());
        if (!TelemetrySetup.TracesExported(builder.Configuration))
        {
            return builder;
        }

        builder.UseOrleans(silo => silo.AddActivityPropagation());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(TelemetrySetup.ServiceName(builder.Configuration, ServiceName)))
            // Application grain calls only: Orleans' runtime, lifecycle and storage sources would start traces of their own.
            .WithTracing(t => t.AddSource(Source.Name, ActivitySources.ApplicationGrainActivitySourceName).AddOtlpExporter());
        return builder;
    }
}
