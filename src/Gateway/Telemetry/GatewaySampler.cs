using System.Globalization;
using OpenTelemetry.Trace;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>
/// The gateway decides alone whether a case is traced. <c>OTEL_TRACES_SAMPLER</c> (<c>always_on</c> by default,
/// <c>always_off</c>, <c>traceidratio</c>, each also with the <c>parentbased_</c> prefix) and <c>OTEL_TRACES_SAMPLER_ARG</c>
/// (the ratio) choose the root sampler, which also judges a request carrying a caller's <c>traceparent</c>: the
/// caller's trace id is kept (the link to its trace), its sampled flag neither forces nor suppresses recording. So
/// a proxy injecting <c>…-00</c> cannot hide cases and a public client cannot choose to be traced. Spans under a
/// local parent (our own, Orleans' client calls) follow it.
/// </summary>
public static class GatewaySampler
{
    public static Sampler From(IConfiguration configuration)
    {
        var root = Root(configuration["OTEL_TRACES_SAMPLER"], configuration["OTEL_TRACES_SAMPLER_ARG"]);
        return new ParentBasedSampler(root, remoteParentSampled: root, remoteParentNotSampled: root);
    }

    private static Sampler Root(string? name, string? argument)
    {
        var kind = (name ?? "").Trim().ToLowerInvariant();
        kind = kind.StartsWith("parentbased_", StringComparison.Ordinal) ? kind["parentbased_".Length..] : kind;
        return kind switch
        {
            "always_off" => new AlwaysOffSampler(),
            "traceidratio" => new TraceIdRatioBasedSampler(
                double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1 ? ratio : 1.0),
            _ => new AlwaysOnSampler(),
        };
    }
}
