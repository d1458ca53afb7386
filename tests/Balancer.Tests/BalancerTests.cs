using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace Gongzhi.Balancer.Tests;

public sealed class BalancerTests
{
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_browser_stays_on_one_gateway_while_new_browsers_are_spread_over_both()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var b = await FakeGateway.StartAsync("b");
        await using var balancer = await TestBalancer.StartAsync(a, b);

        using var browser = balancer.Browser();
        var first = await TestBalancer.WhoAsync(browser);
        var later = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            later.Add(await TestBalancer.WhoAsync(browser));
        }

        var fresh = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            using var other = balancer.Browser();
            fresh.Add(await TestBalancer.WhoAsync(other));
        }

        Assert.Contains(first, new[] { "a", "b" });
        Assert.All(later, name => Assert.Equal(first, name));
        Assert.Equal(["a", "b"], fresh.Order());
    }

    [Fact]
    public async Task A_stopped_gateway_is_skipped_within_seconds_and_its_browsers_move_to_the_other()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var b = await FakeGateway.StartAsync("b");
        await using var balancer = await TestBalancer.StartAsync(a, b);
        using var browser = balancer.Browser();
        var pinned = await TestBalancer.WhoAsync(browser) == "a" ? a : b;
        var survivor = pinned == a ? b : a;

        await pinned.StopAsync();

        await Eventually.GetAsync(() => TestBalancer.WhoAsync(browser), name => name == survivor.Name, within: FewSeconds);
        for (var i = 0; i < 10; i++)
        {
            using var newcomer = balancer.Browser();
            Assert.Equal(survivor.Name, await TestBalancer.WhoAsync(newcomer));
            Assert.Equal(survivor.Name, await TestBalancer.WhoAsync(browser));
        }
    }

    [Fact]
    public async Task A_gateway_that_is_not_ready_gets_no_new_browsers_until_it_is_ready_again()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var b = await FakeGateway.StartAsync("b");
        await using var balancer = await TestBalancer.StartAsync(a, b);

        a.Ready = false;
        await Eventually.HoldsAsync(async () => await TwentyNewBrowsersReachOnlyAsync(balancer, "b"), within: FewSeconds);
        a.Ready = true;

        await Eventually.HoldsAsync(async () => !await TwentyNewBrowsersReachOnlyAsync(balancer, "b"), within: FewSeconds);
    }

    [Fact]
    public async Task A_websocket_passes_through_to_a_gateway_and_back()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var b = await FakeGateway.StartAsync("b");
        await using var balancer = await TestBalancer.StartAsync(a, b);

        var echo = await EchoOverWebSocketAsync(balancer, "hello", cookies: null);

        Assert.Matches("^(a|b):hello$", echo);
    }

    [Fact]
    public async Task A_websocket_carrying_the_affinity_cookie_reaches_the_gateway_of_the_browsers_earlier_request()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var b = await FakeGateway.StartAsync("b");
        await using var balancer = await TestBalancer.StartAsync(a, b);
        var pinned = new List<string>();

        // Sixteen browsers (both gateways get some): each one's negotiate-like request, then its WebSocket, as SignalR does.
        for (var i = 0; i < 16; i++)
        {
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = balancer.Address };
            var first = await TestBalancer.WhoAsync(browser);

            var echo = await EchoOverWebSocketAsync(balancer, "hello", cookies);

            Assert.Equal($"{first}:hello", echo);
            pinned.Add(first);
        }

        Assert.Equal(["a", "b"], pinned.Distinct().Order());
    }

    [Fact]
    public async Task A_gateway_sees_the_host_the_browser_asked_for_and_the_browsers_own_address_and_scheme()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var balancer = await TestBalancer.StartAsync(a);

        var seen = await SeenThroughAsync(balancer, forwardedFor: "203.0.113.9", forwardedProto: "https");

        Assert.Equal("gongzhi.example 127.0.0.1 http", seen);
    }

    [Fact]
    public async Task Behind_a_known_tls_proxy_a_gateway_sees_the_client_address_and_https_the_proxy_forwarded()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var b = await FakeGateway.StartAsync("b");
        await using var byAddress = await TestBalancer.StartAsync([a], ["--Balancer:KnownProxies:0=127.0.0.1"]);
        await using var byNetwork = await TestBalancer.StartAsync([b], ["--Balancer:KnownNetworks:0=127.0.0.0/8"]);

        Assert.Equal("gongzhi.example 203.0.113.9 https", await SeenThroughAsync(byAddress, "203.0.113.9", "https"));
        Assert.Equal("gongzhi.example 198.51.100.7 https", await SeenThroughAsync(byNetwork, "198.51.100.7", "https"));
    }

    [Fact]
    public async Task A_caller_outside_the_known_proxies_cannot_choose_its_address_or_scheme()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var balancer = await TestBalancer.StartAsync([a], ["--Balancer:KnownProxies:0=10.0.0.5"]);

        var seen = await SeenThroughAsync(balancer, forwardedFor: "203.0.113.9", forwardedProto: "https");

        Assert.Equal("gongzhi.example 127.0.0.1 http", seen);
    }

    [Fact]
    public async Task A_gateway_gets_the_clients_trace_headers_unchanged_and_none_the_client_did_not_send()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var balancer = await TestBalancer.StartAsync(a);
        using var browser = balancer.Browser();
        using var traced = new HttpRequestMessage(HttpMethod.Get, "/trace");
        const string parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        traced.Headers.Add("traceparent", parent);
        traced.Headers.Add("tracestate", "county=1");

        var withHeaders = await (await browser.SendAsync(traced)).Content.ReadAsStringAsync();
        var without = await (await browser.GetAsync("/trace")).Content.ReadAsStringAsync();

        Assert.Equal($"[{parent}] [county=1]", withHeaders);
        Assert.Equal("[] []", without);
    }

    /// <summary>Opens a WebSocket through the balancer (with the browser's cookies when given), sends one message, returns the echo.</summary>
    private static async Task<string> EchoOverWebSocketAsync(TestBalancer balancer, string message, CookieContainer? cookies)
    {
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        using var timeout = new CancellationTokenSource(FewSeconds);
        await socket.ConnectAsync(new Uri($"ws://{balancer.Address.Authority}/ws"), timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private static async Task<string> SeenThroughAsync(TestBalancer balancer, string forwardedFor, string forwardedProto)
    {
        using var browser = balancer.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/seen");
        request.Headers.Host = "gongzhi.example";
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await browser.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_balancer_is_live_without_gateways_but_ready_only_while_one_is()
    {
        await using var a = await FakeGateway.StartAsync("a");
        await using var balancer = await TestBalancer.StartAsync(a);
        using var client = new HttpClient { BaseAddress = balancer.Address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        a.Ready = false;

        await Eventually.HoldsAsync(
            async () => (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, within: FewSeconds);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    private static async Task<bool> TwentyNewBrowsersReachOnlyAsync(TestBalancer balancer, string name)
    {
        for (var i = 0; i < 20; i++)
        {
            using var browser = balancer.Browser();
            if (await TestBalancer.WhoAsync(browser) != name)
            {
                return false;
            }
        }

        return true;
    }
}
