using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Intake;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The gateway checks submissions against community descriptions it keeps for 30 s (architecture decision 30):
/// a known community needs no silo call per POST, a change shows after at most that long, and an unknown
/// community is never kept, so one seeded a moment ago takes submissions at once.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CommunityCacheTests(GatewayFixture fixture)
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_kept_description_serves_the_next_posts_until_it_expires_then_the_change_shows()
    {
        var communityId = "cache-" + Guid.NewGuid().ToString("N")[..8];
        await ConfigureAsync(communityId, "heating", "certificates");
        await using var gateway = Gateway();
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"))).StatusCode);

        // The community stops taking certificates; this gateway has not asked the silo again yet.
        await ConfigureAsync(communityId, "heating");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"))).StatusCode);

        _time.Advance(CommunityInfoCache.Lifetime + TimeSpan.FromSeconds(1));
        var stale = await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.NotNull((await stale.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["category"]);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_community_gets_404_and_takes_submissions_as_soon_as_it_is_configured()
    {
        var communityId = "later-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = Gateway();
        var client = gateway.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("communityId", await unknown.Content.ReadAsStringAsync());

        await ConfigureAsync(communityId, "heating");

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);
    }

    // A gateway of its own (its own cache) on the fake clock, writing to a queue nobody reads.
    private WebApplicationFactory<Program> Gateway() =>
        fixture.Gateway("cache-" + Guid.NewGuid().ToString("N")[..8]).WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time)));

    private Task ConfigureAsync(string communityId, params string[] categories) =>
        fixture.Grains.GetGrain<ICommunityGrain>(communityId).ConfigureAsync(new CommunityDefinition(
            new CommunityInfo(communityId, "缓存社区", "Cache", "sub-1", "county-1",
                [new CompoundInfo("east", "东区", "East", [])],
                [.. categories.Select(c => new CategoryInfo(c, c, c, HandlingMode.DoItNow))]),
            []));

    private static JsonObject Body(string communityId, string category)
    {
        var body = Submissions.Valid(category);
        body["communityId"] = communityId;
        body["location"] = new JsonObject { ["compound"] = "east" };
        return body;
    }
}
