using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Intake;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The gateway checks submissions against community descriptions it keeps (architecture decisions 30 and 36):
/// a known community needs no silo call per POST, keeps taking submissions while the cluster fails or hangs,
/// and shows a change once a refresh after the lifetime has answered; an unknown community is never kept, so
/// one seeded a moment ago takes submissions at once.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CommunityCacheTests(GatewayFixture fixture)
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_kept_description_answers_at_once_after_its_lifetime_and_the_change_shows_once_refreshed()
    {
        var communityId = "cache-" + Guid.NewGuid().ToString("N")[..8];
        await ConfigureAsync(communityId, "heating", "certificates");
        await using var gateway = Gateway();
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"))).StatusCode);

        // The community stops taking certificates; this gateway has not asked the silo again yet.
        await ConfigureAsync(communityId, "heating");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"))).StatusCode);

        // Past its lifetime the kept description still answers at once, and asks the silo behind.
        _time.Advance(CommunityInfoCache.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"))).StatusCode);
        await Cache(gateway).RefreshedAsync(communityId);
        var refreshed = await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"));

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.NotNull((await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["category"]);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);
    }

    [Fact]
    public async Task A_known_community_keeps_taking_submissions_while_the_cluster_fails_or_hangs()
    {
        var communityId = "down-" + Guid.NewGuid().ToString("N")[..8];
        await ConfigureAsync(communityId, "heating");
        var cluster = new FlakyCluster(fixture.Grains);
        await using var gateway = Gateway(cluster);
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);

        // The silo hosting the community dies: its calls fail.
        cluster.Mode = FlakyCluster.Failing;
        _time.Advance(CommunityInfoCache.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);
        await Cache(gateway).RefreshedAsync(communityId);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "certificates"))).StatusCode);

        // Then they hang: one refresh is in flight however many submissions arrive, and each is answered at once.
        cluster.Mode = FlakyCluster.Hanging;
        _time.Advance(CommunityInfoCache.RetryAfterFailure);
        var callsBefore = cluster.Calls;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);
        }

        Assert.Equal(callsBefore + 1, cluster.Calls);
        var refresh = Cache(gateway).RefreshedAsync(communityId);
        _time.Advance(CommunityInfoCache.RefreshTimeout);
        await refresh;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Body(communityId, "heating"))).StatusCode);

        // Only a community never seen needs the cluster on the request path.
        cluster.Mode = FlakyCluster.Failing;
        var unknown = await client.PostAsJsonAsync("/api/v1/cases", Body("never-" + Guid.NewGuid().ToString("N")[..8], "heating"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
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

    /// <summary>The community grains as a gateway sees them when their silo answers, has died (fails) or is stuck (hangs).</summary>
    private sealed class FlakyCluster(IGrainFactory grains)
    {
        public const int Answering = 0, Failing = 1, Hanging = 2;
        private int _calls;

        public int Mode { get; set; } = Answering;

        public int Calls => Volatile.Read(ref _calls);

        public Task<CommunityInfo?> LoadAsync(string communityId)
        {
            Interlocked.Increment(ref _calls);
            return Mode switch
            {
                Failing => Task.FromException<CommunityInfo?>(new SiloUnavailableException("The silo hosting the community died.")),
                Hanging => new TaskCompletionSource<CommunityInfo?>().Task,
                _ => grains.GetGrain<ICommunityGrain>(communityId).GetInfoAsync(),
            };
        }
    }

    private static CommunityInfoCache Cache(WebApplicationFactory<Program> gateway) => gateway.Services.GetRequiredService<CommunityInfoCache>();

    // A gateway of its own (its own cache) on the fake clock, writing to a queue nobody reads. The queue sends are
    // paced on the same clock, which only moves when a test says so: pacing is off here (IntakeBatchingTests covers it).
    private WebApplicationFactory<Program> Gateway(FlakyCluster? cluster = null) =>
        fixture.Gateway("cache-" + Guid.NewGuid().ToString("N")[..8]).WithWebHostBuilder(web => web
            .UseSetting("Gateway:IntakeSendInterval", "00:00:00")
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(_time);
                if (cluster is not null)
                {
                    s.AddSingleton(sp => new CommunityInfoCache(cluster.LoadAsync, _time, sp.GetRequiredService<ILogger<CommunityInfoCache>>()));
                }
            }));

    [Fact]
    public async Task A_community_the_cluster_cannot_describe_is_checked_against_the_description_it_stored_for_the_gateways()
    {
        var communityId = "stored-" + Guid.NewGuid().ToString("N")[..8];
        await ConfigureAsync(communityId, "heating", "certificates");
        var noCluster = new CommunityDescriptionSource(
            _ => Task.FromException<CommunityInfo?>(new SiloUnavailableException("Injected: the silo is gone.")),
            new BlobServiceClient(fixture.Azurite.ConnectionString), NullLogger<CommunityDescriptionSource>.Instance);

        var info = await noCluster.LoadAsync(communityId);

        Assert.Equal(["heating", "certificates"], info!.Categories.Select(c => c.Id));
        Assert.Equal("east", Assert.Single(info.Compounds).Id);
        // With no copy either, the cluster's failure stands: the POST answers 503, never a guess.
        await Assert.ThrowsAsync<SiloUnavailableException>(() => noCluster.LoadAsync("never-" + Guid.NewGuid().ToString("N")[..8]));
    }

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
