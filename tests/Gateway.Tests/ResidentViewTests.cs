using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>What a resident reads by tracking token, by route and by push: the cadre's name and role, never a staff account id or an internal note.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ResidentViewTests(GatewayFixture fixture)
{
    private const string DeclineReason = "内部：正在处理另一起漏水";
    private const string EscalateReason = "内部：该户多次投诉，需街道出面";
    private const string ReturnInstructions = "内部：已联系热力公司，社区配合入户";

    [Fact]
    public async Task A_tracking_view_its_pushes_and_its_video_petition_carry_no_staff_account_id_and_no_internal_note()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync("ximen-xiaoqu", "62", "suggestion");
        var first = theCase["assigneeId"]!.GetValue<string>();
        var resident = await fixture.HubAsync();
        var heard = Channel.CreateUnbounded<string>();
        resident.On<JsonObject>("caseUpdated", u => heard.Writer.TryWrite(u.ToJsonString()));
        await resident.InvokeAsync("WatchCase", token);

        var declined = await Ok(await (await fixture.StaffAsync("cadre", first, "ximen")).PostAsJsonAsync($"/api/v1/cases/{caseId}/decline", new { reason = DeclineReason }));
        var second = declined["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", second, "ximen");
        await Ok(await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null));
        var petition = await Ok(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/video-petitions", new { note = "请街道视频接访" }));
        await Ok(await (await fixture.StaffAsync("dispatcher", "ximen-board-7", "ximen")).PostAsJsonAsync($"/api/v1/cases/{caseId}/escalate", new { reason = EscalateReason }));
        await Ok(await (await fixture.StaffAsync("dispatcher", "jiedao-official-7", "wenshang-subdistrict")).PostAsJsonAsync(
            $"/api/v1/cases/{caseId}/return", new { instructions = ReturnInstructions }));
        await Ok(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "暖气已修好" }));

        var anyone = fixture.Flow.CreateClient();
        var track = await anyone.GetStringAsync($"/api/v1/track/{token}");
        var petitionView = await anyone.GetStringAsync($"/api/v1/video-petitions/{petition["petitionId"]!.GetValue<string>()}?trackingToken={token}");
        var pushes = new List<string>();
        while (!pushes.Any(p => p.Contains("\"resolved\"", StringComparison.Ordinal)))
        {
            pushes.Add(await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
        }

        string[] secrets = [first, second, "ximen-board-7", "jiedao-official-7", DeclineReason, EscalateReason, ReturnInstructions];
        foreach (var seen in pushes.Prepend(petitionView).Prepend(track))
        {
            Assert.DoesNotContain(secrets, s => seen.Contains(s, StringComparison.Ordinal));
        }

        var view = JsonNode.Parse(track)!;
        Assert.Equal("暖气已修好", view["timeline"]!.AsArray()[^1]!["note"]!.GetValue<string>());
        Assert.Equal("cadre", view["timeline"]!.AsArray()[^1]!["actor"]!.GetValue<string>());
        Assert.Contains(view["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "escalated");
        Assert.Equal(declined["assignee"]!.GetValue<string>(), view["assignee"]!.GetValue<string>());
        Assert.Equal("cadre", JsonNode.Parse(petitionView)!["requestedBy"]!.GetValue<string>());
        await resident.DisposeAsync();
    }

    [Fact]
    public async Task The_public_description_of_a_community_names_no_staff_account()
    {
        var description = await fixture.Flow.CreateClient().GetStringAsync("/api/v1/communities/ximen");

        Assert.Contains("huiqian-xinyuan", description, StringComparison.Ordinal);
        Assert.DoesNotContain("ximen-dispatcher", description, StringComparison.Ordinal);
        Assert.DoesNotContain("wenshang-subdistrict-official", description, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
