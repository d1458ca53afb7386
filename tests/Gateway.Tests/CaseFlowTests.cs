using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>A case through the gateway: dispatch, staff access by role and scope, acting, rating, live push.</summary>
[Collection(GatewayCollection.Name)]
public sealed class CaseFlowTests(GatewayFixture fixture)
{
    private async Task<(string CaseId, string Token)> SubmitAsync(string category = "heating")
    {
        var response = await fixture.Flow.CreateClient().PostAsJsonAsync("/api/v1/cases", Submissions.Valid(category));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["caseId"]!.GetValue<string>(), body["trackingToken"]!.GetValue<string>());
    }

    private async Task<JsonObject> TrackUntilAsync(string token, string status) =>
        await Eventually.GetAsync(
            async () => (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{token}"))!,
            t => t["status"]!.GetValue<string>() == status);

    [Fact]
    public async Task A_case_is_assigned_acted_on_by_its_cadre_and_closed_by_the_residents_rating()
    {
        var (caseId, token) = await SubmitAsync();
        var assigned = await TrackUntilAsync(token, "assigned");
        Assert.Equal("doItNow", assigned["mode"]!.GetValue<string>());
        Assert.Contains(assigned["assignee"]!.GetValue<string>(), new[] { "王立群", "李建国" });
        Assert.DoesNotContain("13805371234", assigned.ToJsonString());

        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var full = (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!;
        Assert.Equal("138****1234", full["contact"]!["phone"]!.GetValue<string>());
        var revealed = (await (await dispatcher.PostAsync($"/api/v1/cases/{caseId}/phone", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("13805371234", revealed["phone"]!.GetValue<string>());
        var cadreId = full["assigneeId"]!.GetValue<string>();
        var other = cadreId == "wang-liqun" ? "li-jianguo" : "wang-liqun";

        var stranger = await fixture.StaffAsync("cadre", other, "ximen");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        var queue = (await cadre.GetFromJsonAsync<JsonObject>($"/api/v1/cadres/{cadreId}"))!;
        Assert.Contains(queue["assignments"]!.AsArray(), c => c!["caseId"]!.GetValue<string>() == caseId);
        Assert.Equal(HttpStatusCode.Conflict, (await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "早了" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null)).StatusCode);
        var noNote = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("note", await noNote.Content.ReadAsStringAsync());
        var resolved = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "热力公司疏通管道，暖气已热" });
        Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());

        var resident = fixture.Flow.CreateClient();
        var badRating = await resident.PostAsJsonAsync($"/api/v1/track/{token}/rating", new { rating = "great" });
        Assert.Equal(HttpStatusCode.BadRequest, badRating.StatusCode);
        Assert.Contains("rating", await badRating.Content.ReadAsStringAsync());
        var rated = await resident.PostAsJsonAsync($"/api/v1/track/{token}/rating", new { rating = "satisfied", comment = "第二天就热了" });
        var closed = (await rated.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, 6), closed["timeline"]!.AsArray().Select(e => e!["seq"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/v1/track/{token}/rating", new { rating = "satisfied" })).StatusCode);
    }

    [Fact]
    public async Task Staff_routes_need_a_token_and_a_scope_that_covers_the_community()
    {
        var (caseId, token) = await SubmitAsync();
        await TrackUntilAsync(token, "assigned");
        var anonymous = fixture.Flow.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);

        var elsewhere = await fixture.StaffAsync("dispatcher", "d2", "dongguan");
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);

        var county = await fixture.StaffAsync("dispatcher", "d3", "wenshang");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        var cadre = await fixture.StaffAsync("cadre", "wang-liqun", "ximen");
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
    }

    [Fact]
    public async Task The_roster_shows_duty_and_load_and_a_cadre_switches_only_their_own_duty()
    {
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var roster = (await dispatcher.GetFromJsonAsync<JsonArray>("/api/v1/communities/ximen/roster"))!;
        Assert.True(roster.Count >= 8);
        Assert.True(roster.Count(r => r!["onDuty"]!.GetValue<bool>()) >= 2);
        Assert.All(roster, r => Assert.NotNull(r!["load"]));

        var liu = await fixture.StaffAsync("cadre", "liu-zhenhua", "ximen");
        var on = await liu.PostAsJsonAsync("/api/v1/cadres/liu-zhenhua/duty", new { onDuty = true });
        Assert.True((await on.Content.ReadFromJsonAsync<JsonObject>())!["onDuty"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await liu.PostAsJsonAsync("/api/v1/cadres/chen-xiaoyan/duty", new { onDuty = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await liu.PostAsJsonAsync("/api/v1/cadres/liu-zhenhua/duty", new { })).StatusCode);
        var off = await liu.PostAsJsonAsync("/api/v1/cadres/liu-zhenhua/duty", new { onDuty = false });
        Assert.False((await off.Content.ReadFromJsonAsync<JsonObject>())!["onDuty"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_board_and_the_resident_hear_each_change_live_in_seq_order()
    {
        var board = await fixture.HubAsync(await fixture.TokenAsync("dispatcher", "d1", "ximen"));
        var boardHeard = Channel.CreateUnbounded<JsonObject>();
        board.On<JsonObject>("caseUpdated", u => boardHeard.Writer.TryWrite(u));
        await board.InvokeAsync("WatchCommunity", "ximen");

        var (caseId, token) = await SubmitAsync();
        var resident = await fixture.HubAsync();
        var residentHeard = Channel.CreateUnbounded<JsonObject>();
        resident.On<JsonObject>("caseUpdated", u => residentHeard.Writer.TryWrite(u));
        await resident.InvokeAsync("WatchCase", token);

        var seqs = new List<int>();
        while (seqs.Count < 3)
        {
            var update = await boardHeard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            if (update["caseId"]!.GetValue<string>() == caseId)
            {
                seqs.Add(update["seq"]!.GetValue<int>());
            }
        }

        Assert.Equal([1, 2, 3], seqs);
        var cadreId = (await (await fixture.StaffAsync("dispatcher", "d1", "ximen")).GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!["assigneeId"]!.GetValue<string>();
        await (await fixture.StaffAsync("cadre", cadreId, "ximen")).PostAsync($"/api/v1/cases/{caseId}/acknowledge", null);
        // The resident joined after submitting, so they may or may not have heard seq 1-3; they must hear 4.
        JsonObject heard;
        var last = 0;
        do
        {
            heard = await residentHeard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(heard["seq"]!.GetValue<int>() > last);
            last = heard["seq"]!.GetValue<int>();
        }
        while (last < 4);

        Assert.Equal(4, last);
        Assert.Equal("acknowledged", heard["status"]!.GetValue<string>());
        Assert.Equal("acknowledged", heard["event"]!["type"]!.GetValue<string>());
        // Residents read the cadre's display name, never a staff account id.
        Assert.False(string.IsNullOrEmpty(heard["assignee"]?.GetValue<string>()));
        Assert.Null(heard["assigneeId"]);

        await board.DisposeAsync();
        await resident.DisposeAsync();
    }

    [Fact]
    public async Task Watching_needs_the_right_to_watch()
    {
        var anonymous = await fixture.HubAsync();
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("WatchCommunity", "ximen"));
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("WatchCase", "not-a-token"));
        var elsewhere = await fixture.HubAsync(await fixture.TokenAsync("dispatcher", "d2", "dongguan"));
        await Assert.ThrowsAsync<HubException>(() => elsewhere.InvokeAsync("WatchCommunity", "ximen"));
        await anonymous.DisposeAsync();
        await elsewhere.DisposeAsync();
    }
}
