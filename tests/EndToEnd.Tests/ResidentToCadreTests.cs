using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>
/// The first slice end to end: a resident's request reaches an on-duty cadre's phone live, the cadre
/// acts, the resident rates, the case survives a silo crash, and a request sent while the silo is down
/// is taken in and handled once it is back.
/// </summary>
public sealed class ResidentToCadreTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    // 业委会事务: in the seeds only 张秀梅 takes it among the cadres on duty at start.
    private const string Category = "owners-committee";
    private const string CadreId = "zhang-xiumei";

    [Fact]
    public async Task A_request_reaches_the_cadre_and_the_board_live_is_handled_rated_and_survives_a_silo_crash()
    {
        await using var cadre = await PushRecorder.ConnectAsync(system.BaseAddress, await system.TokenAsync("cadre", CadreId, "ximen"));
        await using var board = await PushRecorder.ConnectAsync(system.BaseAddress, await system.TokenAsync("dispatcher", "ximen-dispatcher", "ximen"));
        await board.Connection.InvokeAsync("WatchCommunity", "ximen");

        var clock = Stopwatch.StartNew();
        var posted = await system.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen",
            kind = "grievance",
            category = Category,
            description = "吉市口佳苑东区业主委员会选举，希望社区组织协商",
            location = new { compound = "jishikou-east", building = "3" },
            contact = new { name = "赵女士", phone = "13905371111" },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var body = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        var caseId = body["caseId"]!.GetValue<string>();
        var token = body["trackingToken"]!.GetValue<string>();

        var cadreHeard = await cadre.WaitForAsync(caseId, "assigned", TimeSpan.FromSeconds(10));
        var boardHeard = await board.WaitForAsync(caseId, "assigned", TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(CadreId, cadreHeard["assigneeId"]!.GetValue<string>());
        Assert.Equal("张秀梅", boardHeard["assignee"]!.GetValue<string>());
        Assert.Equal("leadThrough", boardHeard["mode"]!.GetValue<string>());

        await using var resident = await PushRecorder.ConnectAsync(system.BaseAddress, null);
        await resident.Connection.InvokeAsync("WatchCase", token);

        using var cadreApi = await system.StaffAsync("cadre", CadreId, "ximen");
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null)).StatusCode);
        await board.WaitForAsync(caseId, "acknowledged");
        // 领着办: the cadre arranges the accompaniment, the resident confirms, then the case is resolved.
        Assert.Equal(HttpStatusCode.Conflict, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "太早" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/accompaniment",
            new { when = DateTimeOffset.Parse("2026-12-01T09:00:00+08:00"), where = "西门社区服务大厅", office = "街道住建办 业委会选举备案" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsJsonAsync($"/api/v1/track/{token}/led-through", new { comment = "已陪同办理" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "已召开7+X协商会，确定选举方案" })).StatusCode);
        await resident.WaitForAsync(caseId, "resolved");
        var rating = await system.Http.PostAsJsonAsync($"/api/v1/track/{token}/rating", new { rating = "satisfied", comment = "满意" });
        Assert.Equal(HttpStatusCode.OK, rating.StatusCode);

        await board.WaitForAsync(caseId, "closed");
        await cadre.WaitForAsync(caseId, "closed");
        await resident.WaitForAsync(caseId, "closed");
        Assert.Equal(Enumerable.Range(1, 8), board.Heard.Select(u => u["seq"]!.GetValue<int>()));
        var cadreSeqs = cadre.Heard.Select(u => u["seq"]!.GetValue<int>()).ToArray();
        Assert.Equal(Enumerable.Range(cadreSeqs[0], cadreSeqs.Length), cadreSeqs);
        Assert.Equal(8, cadreSeqs[^1]);
        Assert.Equal(
            ["acknowledged", "accompanimentArranged", "ledThroughConfirmed", "resolved", "rated"],
            resident.Heard.Select(u => u["event"]!["type"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await system.CrashSiloAsync());
        var whileDown = await system.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen", kind = "suggestion", category = Category, description = "集群不在时提交",
            location = new { compound = "jishikou-east" }, contact = new { name = "赵女士", phone = "13905371111" },
        });
        // The gateway knows the community (kept 30 s) and the queue is up: the resident's case is taken in
        // while the silo is down, and handled once it is back.
        Assert.Equal(HttpStatusCode.Accepted, whileDown.StatusCode);
        var whileDownId = (await whileDown.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();
        await system.RestartSiloAsync();
        await board.WaitForAsync(whileDownId, "assigned", TimeSpan.FromSeconds(15));

        using var dispatcher = await system.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        // Right after the restart a call may meet the cluster still settling: 503 with Retry-After, which a client retries.
        var after = (await (await RetryWhileUnavailableAsync(() => dispatcher.GetAsync($"/api/v1/cases/{caseId}"))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("closed", after["status"]!.GetValue<string>());
        Assert.Equal("satisfied", after["rating"]!.GetValue<string>());
        Assert.Equal(8, after["timeline"]!.AsArray().Count);
        var roster = (await (await RetryWhileUnavailableAsync(() => dispatcher.GetAsync("/api/v1/communities/ximen/roster"))).Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.True(roster.Single(r => r!["id"]!.GetValue<string>() == CadreId)!["onDuty"]!.GetValue<bool>());

        // The new silo's registry was rebuilt from the gateway's renewal: live push works again at once.
        var next = await system.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen",
            kind = "suggestion",
            category = Category,
            description = "建议业委会选举结果在小区公示",
            location = new { compound = "jishikou-east" },
            contact = new { name = "赵女士", phone = "13905371111" },
        });
        var nextId = (await next.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();
        await board.WaitForAsync(nextId, "assigned", TimeSpan.FromSeconds(15));
        await cadre.WaitForAsync(nextId, "assigned", TimeSpan.FromSeconds(15));
    }

    private static async Task<HttpResponseMessage> RetryWhileUnavailableAsync(Func<Task<HttpResponseMessage>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await call();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                return response.EnsureSuccessStatusCode();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
