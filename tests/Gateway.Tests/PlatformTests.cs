using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>Health, the OpenAPI document, the public community description, and the Development-only token route.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PlatformTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Health_is_200_when_cluster_storage_and_live_push_answer()
    {
        var health = await Eventually.GetAsync(() => fixture.Flow.CreateClient().GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK);
        var body = (await health.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["cluster"]!.GetValue<bool>());
        Assert.True(body["storage"]!.GetValue<bool>());
        Assert.True(body["livePush"]!.GetValue<bool>());
        Assert.True(body["poisonCount"]!.GetValue<int>() >= 0);
    }

    [Fact]
    public async Task Liveness_and_readiness_for_intake_answer_200()
    {
        var client = fixture.Flow.CreateClient();

        var live = await client.GetAsync("/healthz/live");
        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("live", (await live.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True((await ready.Content.ReadFromJsonAsync<JsonObject>())!["storage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route()
    {
        var doc = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var route in new[]
                 {
                     "/api/v1/cases", "/api/v1/cases/{caseId}", "/api/v1/cases/{caseId}/acknowledge", "/api/v1/cases/{caseId}/resolve",
                     "/api/v1/track/{trackingToken}", "/api/v1/track/{trackingToken}/rating", "/api/v1/communities/{communityId}",
                     "/api/v1/communities/{communityId}/roster", "/api/v1/communities/{communityId}/cases", "/api/v1/cadres/{cadreId}",
                     "/api/v1/cadres/{cadreId}/duty", "/healthz", "/healthz/live", "/healthz/ready",
                     "/api/v1/intake/poison", "/api/v1/intake/poison/replay",
                     "/api/v1/cases/{caseId}/decline", "/api/v1/cases/{caseId}/assign", "/api/v1/cases/{caseId}/mode",
                     "/api/v1/cases/{caseId}/escalate", "/api/v1/cases/{caseId}/return", "/api/v1/cases/{caseId}/merge",
                     "/api/v1/cases/{caseId}/start", "/api/v1/cases/{caseId}/accompaniment", "/api/v1/cases/{caseId}/consent",
                     "/api/v1/cases/{caseId}/documents", "/api/v1/cases/{caseId}/result", "/api/v1/cases/{caseId}/photos",
                     "/api/v1/track/{trackingToken}/consent", "/api/v1/track/{trackingToken}/led-through", "/api/v1/track/{trackingToken}/receipt",
                     "/api/v1/queues/{scopeId}/cases", "/api/v1/consultations", "/api/v1/cases/{caseId}/video-petitions", "/api/v1/metrics",
                 })
        {
            Assert.Contains(route, paths);
        }
    }

    [Fact]
    public async Task A_community_lists_what_the_submit_form_needs()
    {
        var ximen = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/communities/ximen"))!;
        Assert.Equal("西门社区", ximen["name"]!.GetValue<string>());
        Assert.Equal(7, ximen["compounds"]!.AsArray().Count);
        Assert.Contains(ximen["categories"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "heating" && c["defaultMode"]!.GetValue<string>() == "doItNow");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Flow.CreateClient().GetAsync("/api/v1/communities/atlantis")).StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_are_refused_with_bad_fields_and_absent_without_the_switch()
    {
        var bad = await fixture.Flow.CreateClient().PostAsJsonAsync("/api/v1/dev/token", new { role = "mayor", subject = "x", scope = "ximen" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("role", await bad.Content.ReadAsStringAsync());

        await using var production = fixture.Gateway(fixture.QuietQueueName, "Production", devTokens: false);
        // Signed in, so that the answer is the route's absence and not the deny-by-default policy's 401.
        var signedIn = production.Bearer(await StaffAccounts.TokenAsync(production, "ximen-dispatcher", GatewayFixture.DemoPassword));
        var response = await signedIn.PostAsJsonAsync("/api/v1/dev/token", new { role = "admin", subject = "x", scope = "wenshang" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_not_accepted()
    {
        var token = await fixture.TokenAsync("dispatcher", "d1", "ximen");
        var forged = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        var client = fixture.Flow.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
    }
}
