using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>视频信访 through the gateway: asking, scheduling, holding, who may do each, and the live pushes on the case.</summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoPetitionTests(GatewayFixture fixture)
{
    private static string In(TimeSpan ahead) => (DateTimeOffset.UtcNow + ahead).ToString("o", CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    [Fact]
    public async Task The_heating_story_a_resident_speaks_with_the_county_leader_after_the_case_climbed_the_ladder()
    {
        var (caseId, token) = await fixture.SubmitAsync(Submissions.Valid("heating"));
        await fixture.TrackUntilAsync(token, "assigned");
        var cadreId = (await fixture.CaseAsync(caseId))["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        var subdistrict = await fixture.StaffAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict");
        var heatingCompany = await fixture.StaffAsync("department", "heating-liaison", "heating");
        foreach (var (who, reason) in new[] { (cadre, "管道老化渗漏，超出社区能力"), (subdistrict, "需热力公司处理"), (heatingCompany, "不敢打压，需县领导协调") })
        {
            Assert.Equal(HttpStatusCode.OK, (await who.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason })).StatusCode);
        }

        var leaderHub = await fixture.HubAsync(await fixture.TokenAsync("leader", "zhang-bin", "wenshang"));
        var leaderHeard = new Pushes(leaderHub, "caseUpdated");
        await leaderHub.InvokeAsync("WatchScope", "wenshang");
        var residentHub = await fixture.HubAsync();
        var residentHeard = new Pushes(residentHub, "caseUpdated");
        await residentHub.InvokeAsync("WatchCase", token);

        var resident = fixture.Flow.CreateClient();
        var asked = await resident.PostAsJsonAsync($"/api/v1/cases/{caseId}/video-petitions",
            new { note = "暖气一直不热，想和分管领导当面说说", slots = new[] { In(TimeSpan.FromDays(1)) }, trackingToken = token });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var petition = await ReadAsync(asked);
        var petitionId = petition["petitionId"]!.GetValue<string>();
        Assert.Equal($"/api/v1/video-petitions/{petitionId}", asked.Headers.Location!.OriginalString);
        Assert.Equal("leader", petition["level"]!.GetValue<string>());
        Assert.Equal("wenshang", petition["levelOwnerId"]!.GetValue<string>());
        Assert.Equal("requested", petition["status"]!.GetValue<string>());
        Assert.Equal("resident", petition["requestedBy"]!.GetValue<string>());
        var requested = await leaderHeard.WaitForEventAsync(caseId, "videoPetitionRequested");
        Assert.Equal(petitionId, requested["event"]!["reference"]!.GetValue<string>());

        // The heating company's liaison is not the level the petition went to.
        Assert.Equal(HttpStatusCode.Forbidden, (await heatingCompany.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot = In(TimeSpan.FromHours(2)) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await heatingCompany.GetAsync("/api/v1/video-petitions?scope=wenshang")).StatusCode);

        var leader = await fixture.StaffAsync("leader", "zhang-bin", "wenshang");
        var pending = (await leader.GetFromJsonAsync<JsonArray>("/api/v1/video-petitions?scope=wenshang"))!;
        Assert.Contains(pending, p => p!["petitionId"]!.GetValue<string>() == petitionId);

        var accepted = await ReadAsync(await leader.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot = In(TimeSpan.FromHours(2)) }));
        Assert.Equal("scheduled", accepted["status"]!.GetValue<string>());
        Assert.Equal($"/video/{petitionId}", accepted["joinLink"]!.GetValue<string>());
        Assert.Equal("leader:zhang-bin", accepted["official"]!.GetValue<string>());
        var scheduled = await residentHeard.WaitForEventAsync(caseId, "videoPetitionScheduled");
        Assert.Equal($"/video/{petitionId}", scheduled["event"]!["reference"]!.GetValue<string>());
        Assert.EndsWith("· zhang-bin", scheduled["event"]!["note"]!.GetValue<string>());
        await leaderHeard.WaitForEventAsync(caseId, "videoPetitionScheduled");

        var otherLeader = await fixture.StaffAsync("leader", "another-leader", "wenshang");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLeader.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/outcome", new { outcome = "x" })).StatusCode);
        var noOutcome = await leader.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/outcome", new { outcome = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Contains("outcome", (await ReadAsync(noOutcome))["errors"]!.AsObject().Select(e => e.Key));

        var held = await ReadAsync(await leader.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/outcome", new { outcome = "答复立即处理，热力公司明天维修疏通" }));
        Assert.Equal("held", held["status"]!.GetValue<string>());
        var heard = await residentHeard.WaitForEventAsync(caseId, "videoPetitionHeld");
        Assert.Equal("答复立即处理，热力公司明天维修疏通", heard["event"]!["note"]!.GetValue<string>());

        var track = await fixture.TrackUntilAsync(token, t => t.EventTypes().Contains("videoPetitionHeld"));
        Assert.Equal(["videoPetitionRequested", "videoPetitionScheduled", "videoPetitionHeld"], track.EventTypes().Where(t => t.StartsWith("videoPetition", StringComparison.Ordinal)));
        Assert.DoesNotContain((await leader.GetFromJsonAsync<JsonArray>("/api/v1/video-petitions?scope=wenshang"))!, p => p!["petitionId"]!.GetValue<string>() == petitionId);
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/outcome", new { outcome = "again" })).StatusCode);

        var seen = await ReadAsync(await resident.GetAsync($"/api/v1/video-petitions/{petitionId}?trackingToken={token}"));
        Assert.Equal("held", seen["status"]!.GetValue<string>());
        await leaderHub.DisposeAsync();
        await residentHub.DisposeAsync();
    }

    [Fact]
    public async Task The_cadre_asks_for_the_resident_and_only_parties_ask_see_or_schedule()
    {
        var (caseId, token) = await fixture.SubmitAsync(Submissions.Valid("heating"));
        await fixture.TrackUntilAsync(token, "assigned");
        var (_, otherToken) = await fixture.SubmitAsync(Submissions.Valid("heating"));
        var cadreId = (await fixture.CaseAsync(caseId))["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        var stranger = await fixture.StaffAsync("cadre", cadreId == "wang-liqun" ? "li-jianguo" : "wang-liqun", "ximen");
        var anonymous = fixture.Flow.CreateClient();
        var route = $"/api/v1/cases/{caseId}/video-petitions";
        var note = "居民腿脚不便，希望视频反映";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(route, new { note })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync(route, new { note, trackingToken = otherToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(route, new { note })).StatusCode);
        await AssertInvalidAsync(await cadre.PostAsJsonAsync(route, new { note, slots = new[] { "明天上午" } }), "slots[0]");
        await AssertInvalidAsync(await cadre.PostAsJsonAsync(route, new { note, slots = new[] { In(TimeSpan.FromHours(1)), In(-TimeSpan.FromHours(1)) } }), "slots[1]");
        await AssertInvalidAsync(await cadre.PostAsJsonAsync(route, new { note = " " }), "note");

        var asked = await cadre.PostAsJsonAsync(route, new { note });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var petition = await ReadAsync(asked);
        var petitionId = petition["petitionId"]!.GetValue<string>();
        Assert.Equal($"cadre:{cadreId}", petition["requestedBy"]!.GetValue<string>());
        Assert.Equal("community", petition["level"]!.GetValue<string>());
        Assert.Equal("ximen", petition["levelOwnerId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync(route, new { note, trackingToken = token })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await cadre.GetAsync($"/api/v1/video-petitions/{petitionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/video-petitions/{petitionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/v1/video-petitions/{petitionId}?trackingToken={otherToken}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/video-petitions/{petitionId}")).StatusCode);

        // At the community level the community's dispatchers are the officials; the sub-district is not.
        var subdistrict = await fixture.StaffAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict");
        Assert.Equal(HttpStatusCode.Forbidden, (await subdistrict.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot = In(TimeSpan.FromHours(3)) })).StatusCode);
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        Assert.Contains((await dispatcher.GetFromJsonAsync<JsonArray>("/api/v1/video-petitions?scope=ximen"))!, p => p!["petitionId"]!.GetValue<string>() == petitionId);
        await AssertInvalidAsync(await dispatcher.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot = In(-TimeSpan.FromMinutes(5)) }), "slot");
        await AssertInvalidAsync(await dispatcher.GetAsync("/api/v1/video-petitions"), "scope");

        // The resident calls it off; then a new one may be asked for.
        var cancelled = await ReadAsync(await anonymous.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/cancel", new { reason = "已经上门解决", trackingToken = token }));
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        var timeline = (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!["timeline"]!.AsArray();
        Assert.Contains(timeline, e => e!["type"]!.GetValue<string>() == "videoPetitionCancelled" && e["note"]!.GetValue<string>() == "已经上门解决");
        Assert.Equal(HttpStatusCode.Conflict, (await dispatcher.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot = In(TimeSpan.FromHours(3)) })).StatusCode);
        Assert.DoesNotContain((await dispatcher.GetFromJsonAsync<JsonArray>("/api/v1/video-petitions?scope=ximen"))!, p => p!["petitionId"]!.GetValue<string>() == petitionId);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync(route, new { note, trackingToken = token })).StatusCode);
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await ReadAsync(response))["errors"]!.AsObject().Select(e => e.Key));
    }
}
