using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>Who acts on a case: the level holding it, and a tracking token on its own case only.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ActingOnACaseTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_cadre_whose_case_climbed_to_the_subdistrict_neither_resolves_nor_escalates_it_and_the_subdistrict_does()
    {
        var (caseId, _, theCase) = await fixture.SubmitAssignedAsync(category: "suggestion");
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");
        var official = await fixture.StaffAsync("dispatcher", "jiedao", "wenshang-subdistrict");
        await OkAsync(await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null));
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "需要街道协调" }));

        var resolve = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "我自己办结" });
        var escalate = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "再往上报" });

        await RefusedAsync(resolve, HttpStatusCode.Forbidden, "level-official-only");
        await RefusedAsync(escalate, HttpStatusCode.Forbidden, "not-case-handler");
        var unchanged = await fixture.CaseAsync(caseId);
        Assert.Equal(("subdistrict", "acknowledged"), (unchanged["level"]!.GetValue<string>(), unchanged["status"]!.GetValue<string>()));
        var resolved = await OkAsync(await official.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "街道协调解决" }));
        Assert.Equal("subdistrict", resolved["resolvedAtLevel"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_merged_follower_s_token_reads_the_primary_case_but_neither_rates_it_nor_takes_its_steps()
    {
        var (primaryId, primaryToken, primary) = await fixture.SubmitAssignedAsync("wenmiao-huayuan", "6", "suggestion");
        var (followerId, followerToken, _) = await fixture.SubmitAssignedAsync("wenmiao-huayuan", "6", "suggestion");
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/cases/{followerId}/merge", new { intoCaseId = primaryId }));
        await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/cases/{primaryId}/mode", new { mode = "doForYou" }));
        var resident = fixture.Flow.CreateClient();

        var read = (await resident.GetFromJsonAsync<JsonObject>($"/api/v1/track/{followerToken}"))!;
        var consent = await resident.PostAsJsonAsync($"/api/v1/track/{followerToken}/consent", new { comment = "同意" });

        Assert.Equal((primaryId, followerId), (read["caseId"]!.GetValue<string>(), read["mergedFrom"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, consent.StatusCode);
        Assert.DoesNotContain("consentRecorded", (await fixture.CaseAsync(primaryId)).EventTypes());

        // The primary's own resident consents; its cadre completes it; only that resident rates it.
        await OkAsync(await resident.PostAsJsonAsync($"/api/v1/track/{primaryToken}/consent", new { comment = "同意" }));
        var cadre = await fixture.StaffAsync("cadre", primary["assigneeId"]!.GetValue<string>(), "ximen");
        await OkAsync(await cadre.PostAsync($"/api/v1/cases/{primaryId}/acknowledge", null));
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{primaryId}/documents", new { note = "材料" }));
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{primaryId}/result", new { note = "结果" }));
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/v1/track/{followerToken}/receipt", new { })).StatusCode);
        await OkAsync(await resident.PostAsJsonAsync($"/api/v1/track/{primaryToken}/receipt", new { }));
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{primaryId}/resolve", new { note = "代办完成" }));

        var rating = await resident.PostAsJsonAsync($"/api/v1/track/{followerToken}/rating", new { rating = "unsatisfied" });

        Assert.Equal(HttpStatusCode.Conflict, rating.StatusCode);
        var still = await fixture.CaseAsync(primaryId);
        Assert.Equal("resolved", still["status"]!.GetValue<string>());
        Assert.Null(still["rating"]);
        Assert.Equal("satisfied", (await OkAsync(await resident.PostAsJsonAsync($"/api/v1/track/{primaryToken}/rating", new { rating = "satisfied" })))["rating"]!.GetValue<string>());
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(code, JsonNode.Parse(body)!["code"]!.GetValue<string>());
    }
}
