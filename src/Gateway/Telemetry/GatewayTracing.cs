using System.Diagnostics;
using Gongzhi.Telemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>
/// The gateway's traces and logs: the ASP.NET Core request, our spans for the intake send (<see cref="IntakeSendSpans"/>)
/// and the SignalR push (<see cref="PushSpans"/>), Orleans' activity propagation on the client so grain calls and the
/// cluster's observer calls join the trace, and OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class GatewayTracing
{
    public const string ServiceName = "gongzhi-gateway";

    /// <summary>Our own spans: the intake send and the push.</summary>
    public static readonly ActivitySource Source = new("Gongzhi.Gateway");

    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddStructuredLogs();
        if (!TelemetrySetup.TracesExported(builder.Configuration))
        {
            return builder;
        }

        builder.UseOrleansClient(client => client.AddActivityPropagation());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(TelemetrySetup.ServiceName(builder.Configuration, ServiceName)))
            .WithTracing(t => t
                .SetSampler(GatewaySampler.From(builder.Configuration))
                // The API only: probes and the dashboard's files would be most of the traces and tell nothing, and a
                // hub connection's request lasts as long as the connection.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path.StartsWithSegments("/api")
                    || http.Request.Path.StartsWithSegments("/open311"))
                .AddSource(Source.Name, ActivitySources.ApplicationGrainActivitySourceName)
                .AddOtlpExporter());
        return builder;
    }
}
