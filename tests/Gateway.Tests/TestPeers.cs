using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The test server's requests come from no address; header <see cref="Header"/> says which one a request comes
/// from, as its TCP peer would (a proxy, or a client straight on the internet).
/// </summary>
internal sealed class TestPeers : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddTo(IWebHostBuilder web) => web.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TestPeers>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return following(context);
        });
        next(app);
    };
}
