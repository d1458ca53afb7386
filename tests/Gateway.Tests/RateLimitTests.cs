using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// A flood from one address gets 429 <c>rate-limited</c> with Retry-After, on the public API, sign-in and hub
/// connects; other addresses keep their allowance; a forwarded address counts only from a configured proxy.
/// Windows of ten minutes and limits of a few requests: nothing here waits for a window to pass.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    private const string Proxy = "10.0.0.1";

    [Fact]
    public async Task A_flood_of_submissions_from_one_address_gets_429_rate_limited_with_retry_after()
    {
        await using var gateway = Limited(("RateLimits:Anonymous:PermitLimit", "3"));
        var client = From(gateway, "203.0.113.10");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/v1/cases", new { }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        Assert.All(answers.Skip(3), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        var refused = answers[^1];
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rate-limited", problem["code"]!.GetValue<string>());
        Assert.Equal($"{retryAfter}", problem["args"]!["retryAfter"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_address_keeps_its_own_allowance()
    {
        await using var gateway = Limited(("RateLimits:Anonymous:PermitLimit", "2"));
        var flooder = From(gateway, "203.0.113.20");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await flooder.GetAsync("/api/v1/communities/ximen")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await flooder.GetAsync("/api/v1/communities/ximen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await From(gateway, "203.0.113.21").GetAsync("/api/v1/communities/ximen")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_counts_from_a_configured_proxy_and_is_ignored_from_anyone_else()
    {
        await using var gateway = Limited(("RateLimits:Anonymous:PermitLimit", "2"), ("ForwardedHeaders:KnownProxies:0", Proxy));

        // Behind the proxy, each resident has an allowance of their own.
        var viaProxy = From(gateway, Proxy);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Forwarded(viaProxy, $"198.51.100.{i}")).StatusCode);
        }

        // A client on the internet naming a new address in each request still counts as itself.
        var spoofer = From(gateway, "203.0.113.30");
        Assert.Equal(HttpStatusCode.OK, (await Forwarded(spoofer, "198.51.100.50")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Forwarded(spoofer, "198.51.100.51")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forwarded(spoofer, "198.51.100.52")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited()
    {
        await using var gateway = Limited(("RateLimits:SignIn:PermitLimit", "2"));
        var client = From(gateway, "203.0.113.40");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = $"guess-{i}" })).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task Hub_connects_from_one_address_are_limited()
    {
        await using var gateway = Limited(("RateLimits:HubConnect:PermitLimit", "2"));
        var client = From(gateway, "203.0.113.50");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsync("/hubs/dispatch/negotiate?negotiateVersion=1", null)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task A_residents_photo_uploads_have_their_own_smaller_allowance_and_leave_submitting_open()
    {
        await using var gateway = Limited(("RateLimits:PhotoUpload:PermitLimit", "2"));
        var client = From(gateway, "203.0.113.70");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/photos") { Content = TestImages.Content(TestImages.Jpeg, "image/jpeg") };
            upload.Headers.Add("X-Client-Request-Id", Guid.NewGuid().ToString());
            statuses.Add((await client.SendAsync(upload)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/communities/ximen")).StatusCode);
    }

    [Fact]
    public async Task With_limits_turned_off_a_flood_is_served()
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web =>
        {
            TestPeers.AddTo(web);
            web.UseSetting("RateLimits:Enabled", "false");
            web.UseSetting("RateLimits:Anonymous:PermitLimit", "1");
        });
        var client = From(gateway, "203.0.113.60");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/communities/ximen")).StatusCode);
        }
    }

    private WebApplicationFactory<Program> Limited(params (string Setting, string Value)[] settings) =>
        fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web =>
        {
            TestPeers.AddTo(web);
            web.UseSetting("RateLimits:Enabled", "true");
            foreach (var kind in new[] { "Anonymous", "SignIn", "HubConnect", "PhotoUpload" })
            {
                web.UseSetting($"RateLimits:{kind}:Window", "00:10:00");
            }

            foreach (var (setting, value) in settings)
            {
                web.UseSetting(setting, value);
            }
        });

    private static HttpClient From(WebApplicationFactory<Program> gateway, string address)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add(TestPeers.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> Forwarded(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/communities/ximen");
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }
}
