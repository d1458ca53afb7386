using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>The model's actions through the API: decline, hand assignment, modes as workflows, the ladder, merging, stale seq.</summary>
[Collection(GatewayCollection.Name)]
public sealed class CaseActionsTests(GatewayFixture fixture)
{
    private static int LastSeq(JsonObject theCase) => theCase["timeline"]!.AsArray()[^1]!["seq"]!.GetValue<int>();

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_cadre_declines_with_a_reason_and_the_case_goes_to_the_other_cadre_on_duty()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync();
        var first = theCase["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", first, "ximen");

        var noReason = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/decline", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());

        var declined = await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/decline", new { reason = "正在处理另一起漏水" }));
        Assert.NotEqual(first, declined["assigneeId"]?.GetValue<string>());
        Assert.Contains(declined["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "declined" && e["note"]!.GetValue<string>() == "正在处理另一起漏水");

        // The resident reads that the case is passed on, not why, and no staff account ids.
        var track = (await fixture.Flow.CreateClient().GetStringAsync($"/api/v1/track/{token}"));
        Assert.DoesNotContain("正在处理另一起漏水", track);
        Assert.DoesNotContain($"cadre:{first}", track);
        Assert.Contains("\"declined\"", track);
    }

    [Fact]
    public async Task A_stale_expected_seq_is_refused_with_409_and_changes_nothing()
    {
        var (caseId, _, theCase) = await fixture.SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");

        var stale = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/acknowledge", new { expectedSeq = LastSeq(theCase) - 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("seq", await stale.Content.ReadAsStringAsync());
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/acknowledge", new { expectedSeq = LastSeq(theCase) }));
    }

    [Fact]
    public async Task A_dispatcher_changes_the_mode_to_do_it_for_you_and_the_workflow_runs_with_the_residents_confirmations()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync();
        var cadreId = theCase["assigneeId"]!.GetValue<string>();
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        var resident = fixture.Flow.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/mode", new { mode = "fast" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/mode", new { mode = "doForYou" })).StatusCode);
        Assert.Equal("doForYou", (await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/mode", new { mode = "doForYou" })))["mode"]!.GetValue<string>());

        await OkAsync(await resident.PostAsJsonAsync($"/api/v1/track/{token}/consent", new { comment = "同意社区代办" }));
        await OkAsync(await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null));
        Assert.Equal(HttpStatusCode.Conflict, (await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/result", new { note = "too soon" })).StatusCode);
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", new { note = "收到房产证复印件" }));
        await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/result", new { note = "维修基金申请已送达" }));
        Assert.Equal(HttpStatusCode.Conflict, (await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "办结" })).StatusCode);
        await OkAsync(await resident.PostAsJsonAsync($"/api/v1/track/{token}/receipt", new { }));
        var resolved = await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "代办完成" }));

        Assert.Equal(
            ["modeChanged", "consentRecorded", "acknowledged", "documentsHandedOver", "resultHandedOver", "receiptConfirmed", "resolved"],
            resolved["timeline"]!.AsArray().Skip(3).Select(e => e!["type"]!.GetValue<string>()));
        Assert.NotNull(resolved["deadlines"]!["rateBy"]);
    }

    [Fact]
    public async Task A_case_climbs_to_the_subdistrict_whose_officials_see_it_live_and_hand_it_back()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");
        var official = await fixture.StaffAsync("dispatcher", "jiedao", "wenshang-subdistrict");
        var board = await fixture.HubAsync(await fixture.TokenAsync("dispatcher", "jiedao", "wenshang-subdistrict"));
        var heard = Channel.CreateUnbounded<JsonObject>();
        board.On<JsonObject>("caseUpdated", u => heard.Writer.TryWrite(u));
        await board.InvokeAsync("WatchScope", "wenshang-subdistrict");

        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "not yet ours" })).StatusCode);
        var escalated = await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "管道老化，需热力公司打压" }));
        Assert.Equal("subdistrict", escalated["level"]!.GetValue<string>());

        var pushed = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(caseId, pushed["caseId"]!.GetValue<string>());
        Assert.Equal("escalated", pushed["event"]!["type"]!.GetValue<string>());
        Assert.Equal("wenshang-subdistrict", pushed["levelOwnerId"]!.GetValue<string>());

        var queue = (await official.GetFromJsonAsync<JsonArray>("/api/v1/queues/wenshang-subdistrict/cases"))!;
        Assert.Contains(queue, c => c!["caseId"]!.GetValue<string>() == caseId);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("/api/v1/queues/wenshang-subdistrict/cases")).StatusCode);
        var track = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{token}"))!;
        Assert.Equal("subdistrict", track["level"]!.GetValue<string>());

        var returned = await OkAsync(await official.PostAsJsonAsync($"/api/v1/cases/{caseId}/return", new { instructions = "已联系热力公司，社区配合入户" }));
        Assert.Equal("community", returned["level"]!.GetValue<string>());
        JsonObject left;
        do
        {
            left = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        }
        while (left["event"]!["type"]!.GetValue<string>() != "returned");
        Assert.Equal("community", left["level"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync($"/api/v1/cases/{caseId}/return", new { instructions = "again" })).StatusCode);
        await board.DisposeAsync();
    }

    [Fact]
    public async Task A_duplicate_is_suggested_merged_into_the_first_and_its_resident_follows_the_first_live()
    {
        var (firstId, _, _) = await fixture.SubmitAssignedAsync("wenmiao-huayuan", "5");
        var (secondId, secondToken, second) = await fixture.SubmitAssignedAsync("wenmiao-huayuan", "5");
        Assert.Contains(second["possibleDuplicates"]!.AsArray(), d => d!.GetValue<string>() == firstId);

        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.PostAsJsonAsync($"/api/v1/cases/{secondId}/merge", new { })).StatusCode);
        var merged = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/cases/{secondId}/merge", new { intoCaseId = firstId }));
        Assert.Equal("merged", merged["closure"]!.GetValue<string>());

        var follower = await fixture.HubAsync();
        var heard = Channel.CreateUnbounded<JsonObject>();
        follower.On<JsonObject>("caseUpdated", u => heard.Writer.TryWrite(u));
        await follower.InvokeAsync("WatchCase", secondToken);
        var track = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{secondToken}"))!;
        Assert.Equal(firstId, track["caseId"]!.GetValue<string>());
        Assert.Equal(secondId, track["mergedFrom"]!.GetValue<string>());

        var first = (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{firstId}"))!;
        var cadre = await fixture.StaffAsync("cadre", first["assigneeId"]!.GetValue<string>(), "ximen");
        await OkAsync(await cadre.PostAsync($"/api/v1/cases/{firstId}/acknowledge", null));
        var pushed = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(firstId, pushed["caseId"]!.GetValue<string>());
        Assert.Equal("acknowledged", pushed["status"]!.GetValue<string>());
        await follower.DisposeAsync();
    }

    [Fact]
    public async Task A_dispatcher_assigns_by_hand_to_an_on_duty_cadre_only()
    {
        var (caseId, _, theCase) = await fixture.SubmitAssignedAsync();
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var current = theCase["assigneeId"]!.GetValue<string>();
        var other = current == "wang-liqun" ? "li-jianguo" : "wang-liqun";

        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assign", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assign", new { cadreId = "chen-xiaoyan" })).StatusCode);
        var moved = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assign", new { cadreId = other }));
        Assert.Equal(other, moved["assigneeId"]!.GetValue<string>());
        Assert.Equal("reassigned", moved["timeline"]!.AsArray()[^1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cadre_resolves_with_a_photo_the_resident_can_see()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync();
        var cadreId = theCase["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        var stranger = await fixture.StaffAsync("cadre", cadreId == "wang-liqun" ? "li-jianguo" : "wang-liqun", "ximen");
        var png = TestImages.Png;
        static ByteArrayContent Image(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new(type);
            return content;
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await cadre.PostAsync($"/api/v1/cases/{caseId}/photos", Image(png, "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/api/v1/cases/{caseId}/photos", Image(png, "image/png"))).StatusCode);
        var uploaded = await cadre.PostAsync($"/api/v1/cases/{caseId}/photos", Image(png, "image/png"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();

        await OkAsync(await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null));
        var resolved = await OkAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "管道已修好，见照片", photoUrl = url }));
        Assert.Equal(url, resolved["timeline"]!.AsArray()[^1]!["photos"]![0]!.GetValue<string>());

        var track = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{token}"))!;
        var seen = track["timeline"]!.AsArray()[^1]!["photos"]![0]!.GetValue<string>();
        var photo = await fixture.Flow.CreateClient().GetAsync(seen);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await photo.Content.ReadAsByteArrayAsync());
    }
}
