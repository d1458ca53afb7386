using System.Diagnostics;
using Gongzhi.Gateway.Telemetry;
using OpenTelemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Gongzhi.Gateway.Tests;

public sealed class TraceSamplingTests
{
    private static readonly ActivityTraceId CallerTrace = ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c");

    [Fact]
    public void A_request_whose_traceparent_says_not_sampled_is_still_traced_in_the_callers_trace()
    {
        using var source = new ActivitySource($"test-{Guid.NewGuid():N}");
        using var tracing = Tracing(source);
        var parent = new ActivityContext(CallerTrace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        using var request = source.StartActivity("POST /api/v1/cases", ActivityKind.Server, parent);

        Assert.NotNull(request);
        Assert.True(request.Recorded);
        Assert.Equal(CallerTrace, request.TraceId);
    }

    [Fact]
    public void A_traceparent_that_says_sampled_does_not_force_tracing_past_the_gateways_ratio()
    {
        using var source = new ActivitySource($"test-{Guid.NewGuid():N}");
        using var tracing = Tracing(source, ("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "0"));
        var parent = new ActivityContext(CallerTrace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        using var request = source.StartActivity("POST /api/v1/cases", ActivityKind.Server, parent);

        Assert.False(request?.Recorded ?? false);
    }

    [Fact]
    public void A_span_under_a_local_parent_that_is_not_recorded_is_not_recorded_either()
    {
        using var source = new ActivitySource($"test-{Guid.NewGuid():N}");
        using var tracing = Tracing(source);
        var parent = new ActivityContext(CallerTrace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: false);

        using var child = source.StartActivity("push caseUpdated", ActivityKind.Producer, parent);

        Assert.False(child?.Recorded ?? false);
    }

    private static TracerProvider Tracing(ActivitySource source, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return Sdk.CreateTracerProviderBuilder().AddSource(source.Name).SetSampler(GatewaySampler.From(configuration)).Build();
    }
}
