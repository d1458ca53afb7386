using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary><c>POST /api/v1/cases/{id}/take</c>: an official takes a case at their own level (接办), and only there.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TakeCaseTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Each_level_s_official_takes_the_case_only_while_it_is_at_their_level()
    {
        var (caseId, _) = await fixture.SubmitTakenAsync(); // a neighbour dispute: its department is petitions
        var community = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var subdistrict = await fixture.StaffAsync("dispatcher", "jiedao", "wenshang-subdistrict");
        var petitions = await fixture.StaffAsync("department", "petitions-liaison", "petitions");
        var planning = await fixture.StaffAsync("department", "planning-liaison", "planning");
        var leader = await fixture.StaffAsync("leader", "county-head", "wenshang");

        await RefusedAsync(await community.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }), HttpStatusCode.Conflict, "not-above-community");
        await OkAsync(await community.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "邻里纠纷需街道调解" }));

        // At the sub-district: its official takes it; the department, the leader and the community may not.
        foreach (var outsider in new[] { petitions, leader, community })
        {
            await RefusedAsync(await outsider.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }), HttpStatusCode.Forbidden, "level-official-only");
        }

        var taken = await OkAsync(await subdistrict.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }));
        var last = taken["timeline"]!.AsArray()[^1]!;
        Assert.Equal(("taken", "dispatcher:jiedao", "wenshang-subdistrict"),
            (last["type"]!.GetValue<string>(), last["actor"]!.GetValue<string>(), last["reference"]!.GetValue<string>()));

        // Department, then leader: each level's own official, and no other, takes it there.
        await OkAsync(await subdistrict.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "需信访局协调" }));
        await RefusedAsync(await planning.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }), HttpStatusCode.Forbidden, "level-official-only");
        await RefusedAsync(await subdistrict.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }), HttpStatusCode.Forbidden, "level-official-only");
        await OkAsync(await petitions.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }));
        await OkAsync(await petitions.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "需县领导协调" }));
        var atLeader = await OkAsync(await leader.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }));
        Assert.Equal(["dispatcher:jiedao", "department:petitions-liaison", "leader:county-head"],
            atLeader["timeline"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "taken").Select(e => e!["actor"]!.GetValue<string>()).ToArray());
        await OkAsync(await leader.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "县领导协调解决" }));
    }

    [Fact]
    public async Task Taking_twice_adds_one_event_and_another_official_of_the_level_is_refused_with_a_stable_code()
    {
        var (caseId, _) = await fixture.SubmitTakenAsync();
        var community = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var official = await fixture.StaffAsync("dispatcher", "jiedao", "wenshang-subdistrict");
        var deputy = await fixture.StaffAsync("dispatcher", "jiedao-deputy", "wenshang-subdistrict");
        await OkAsync(await community.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "需街道调解" }));

        var first = await OkAsync(await official.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { }));
        var second = await OkAsync(await official.PostAsync($"/api/v1/cases/{caseId}/take", null));
        var other = await deputy.PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { });

        Assert.Equal(first["timeline"]!.AsArray().Count, second["timeline"]!.AsArray().Count);
        Assert.Single(second["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "taken");
        await RefusedAsync(other, HttpStatusCode.Conflict, "taken-by-other");
        Assert.Equal(401, (int)(await fixture.Flow.CreateClient().PostAsJsonAsync($"/api/v1/cases/{caseId}/take", new { })).StatusCode);
        await OkAsync(await official.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "街道调解成功" }));
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
