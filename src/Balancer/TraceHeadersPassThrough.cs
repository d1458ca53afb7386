using Yarp.ReverseProxy.Forwarder;

namespace Gongzhi.Balancer;

/// <summary>
/// The gateways' connections without trace propagation: a request's <c>traceparent</c>, <c>tracestate</c> and
/// <c>baggage</c> reach the gateway exactly as the client sent them, and a request without them gets none. The
/// balancer records no traces, yet ASP.NET Core gives each request an unsampled Activity; YARP's default would
/// inject it as <c>traceparent …-00</c>, and the gateway would then record nothing of a case that came this way.
/// </summary>
public sealed class TraceHeadersPassThrough(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        // No propagator: the handler neither removes nor adds trace headers; the copied request headers stay.
        handler.ActivityHeadersPropagator = null;
    }
}
