using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Gongzhi.Gateway.Ops;

/// <summary>
/// Forwards an admin's request under <see cref="OpsApi.OrleansPath"/> to the silo's Orleans Dashboard with YARP's
/// forwarder, the prefix swapped for the dashboard's own path and no credential of the gateway's passed on.
/// An unreachable dashboard is YARP's 502.
/// </summary>
public sealed class OrleansDashboardForwarder(IHttpForwarder forwarder, IOptions<OpsOptions> options) : IDisposable
{
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
    });

    public async Task ForwardAsync(HttpContext context)
    {
        // Without the slash the dashboard's relative paths would resolve against /ops/.
        if (context.Request.Path.Value is OpsApi.OrleansPath)
        {
            context.Response.Redirect(OpsApi.OrleansPath + "/" + context.Request.QueryString);
            return;
        }

        await forwarder.SendAsync(context, options.Value.OrleansDashboard, _client, ForwarderRequestConfig.Empty, Transformer.Instance);
    }

    public void Dispose() => _client.Dispose();

    private sealed class Transformer : HttpTransformer
    {
        public static readonly Transformer Instance = new();

        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            var path = httpContext.Request.Path.StartsWithSegments(OpsApi.OrleansPath, out var rest) ? rest : httpContext.Request.Path;
            proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, path, httpContext.Request.QueryString);
            // The silo needs neither the admin's ticket nor any other credential of the gateway's.
            proxyRequest.Headers.Remove("Cookie");
            proxyRequest.Headers.Authorization = null;
        }
    }
}
