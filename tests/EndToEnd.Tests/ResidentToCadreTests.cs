using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>
/// The first slice end to end, one rule per test on one running system: a resident's request reaches an on-duty
/// cadre's phone live, a lead-through case waits for the resident, every watcher hears each step in order, and a
/// silo crash loses nothing. Each test submits cases of its own.
/// </summary>
public sealed class ResidentToCadreTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    // 业委会事务: in the seeds only 张秀梅 takes it among the cadres on duty at start.
    private const string Category = "owners-committee";
    private const string CadreId = "zhang-xiumei";

    [Fact]
    public async Task A_request_reaches_the_on_duty_cadre_and_the_board_live_within_ten_seconds()
    {
        await using var cadre = await CadreAsync();
        await using var board = await BoardAsync();

        var clock = Stopwatch.StartNew();
        var (caseId, _) = await SubmitAsync("grievance", "吉市口佳苑东区业主委员会选举，希望社区组织协商");

        var cadreHeard = await cadre.WaitForAsync(caseId, "assigned", TimeSpan.FromSeconds(10));
        var boardHeard = await board.WaitForAsync(caseId, "assigned", TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(CadreId, cadreHeard["assigneeId"]!.GetValue<string>());
        Assert.Equal("张秀梅", boardHeard["assignee"]!.GetValue<string>());
        Assert.Equal("leadThrough", boardHeard["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lead_through_case_is_resolved_only_after_the_resident_confirms_the_accompaniment()
    {
        await using var board = await BoardAsync();
        var (caseId, token) = await SubmitAsync("grievance", "业委会换届，希望社区陪同去街道备案");
        await board.WaitForAsync(caseId, "assigned");
        using var cadreApi = await system.StaffAsync("cadre", CadreId, "ximen");
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "太早" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/accompaniment", Accompaniment)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "居民还没确认" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsJsonAsync($"/api/v1/track/{token}/led-through", new { comment = "已陪同办理" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "已召开7+X协商会，确定选举方案" })).StatusCode);
    }

    [Fact]
    public async Task The_board_the_cadre_and_the_resident_each_hear_every_step_of_a_case_in_order()
    {
        await using var cadre = await CadreAsync();
        await using var board = await BoardAsync();
        var (caseId, token) = await SubmitAsync("grievance", "业委会选举方案请社区组织协商");
        await board.WaitForAsync(caseId, "assigned");
        await using var resident = await PushRecorder.ConnectAsync(system.BaseAddress, null);
        await resident.Connection.InvokeAsync("WatchCase", token);

        await HandleUntilRatedAsync(caseId, token);

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
    }

    [Fact]
    public async Task A_silo_crash_loses_no_case_a_request_sent_meanwhile_is_handled_once_it_is_back_and_live_push_resumes_at_once()
    {
        await using var cadre = await CadreAsync();
        await using var board = await BoardAsync();
        var (closedId, closedToken) = await SubmitAsync("grievance", "业委会选举完成后请社区回访");
        await board.WaitForAsync(closedId, "assigned");
        await HandleUntilRatedAsync(closedId, closedToken);
        await board.WaitForAsync(closedId, "closed");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await system.CrashSiloAsync());
        // The gateway knows the community (kept 30 s) and the queue is up: the resident's case is taken in
        // while the silo is down, and handled once it is back.
        var (whileDownId, _) = await SubmitAsync("suggestion", "集群不在时提交");
        await system.RestartSiloAsync();
        await system.WithLogsAsync(board.WaitForAsync(whileDownId, "assigned", TimeSpan.FromSeconds(15)),
            "the case sent while the silo was down was not assigned on the board within 15 s of the restart");

        using var dispatcher = await system.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var closed = (await (await AnsweredAsync(dispatcher, $"/api/v1/cases/{closedId}")).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal("satisfied", closed["rating"]!.GetValue<string>());
        Assert.Equal(8, closed["timeline"]!.AsArray().Count);
        var roster = (await (await AnsweredAsync(dispatcher, "/api/v1/communities/ximen/roster")).Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.True(roster.Single(r => r!["id"]!.GetValue<string>() == CadreId)!["onDuty"]!.GetValue<bool>());

        // The new silo's registry was rebuilt from the gateway's renewal: live push works again at once.
        var (nextId, _) = await SubmitAsync("suggestion", "建议业委会选举结果在小区公示");
        await system.WithLogsAsync(board.WaitForAsync(nextId, "assigned", TimeSpan.FromSeconds(15)), "the board heard no assignment of a case sent after the restart");
        await system.WithLogsAsync(cadre.WaitForAsync(nextId, "assigned", TimeSpan.FromSeconds(15)), "the cadre heard no assignment of a case sent after the restart");
    }

    private static readonly object Accompaniment =
        new { when = DateTimeOffset.Parse("2026-12-01T09:00:00+08:00"), where = "西门社区服务大厅", office = "街道住建办 业委会选举备案" };

    private async Task<PushRecorder> CadreAsync() =>
        await PushRecorder.ConnectAsync(system.BaseAddress, await system.TokenAsync("cadre", CadreId, "ximen"));

    private async Task<PushRecorder> BoardAsync()
    {
        var board = await PushRecorder.ConnectAsync(system.BaseAddress, await system.TokenAsync("dispatcher", "ximen-dispatcher", "ximen"));
        await board.Connection.InvokeAsync("WatchCommunity", "ximen");
        return board;
    }

    private async Task<(string CaseId, string Token)> SubmitAsync(string kind, string description)
    {
        var posted = await system.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen",
            kind,
            category = Category,
            description,
            location = new { compound = "jishikou-east", building = "3" },
            contact = new { name = "赵女士", phone = "13905371111" },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var body = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["caseId"]!.GetValue<string>(), body["trackingToken"]!.GetValue<string>());
    }

    // 领着办: the cadre acknowledges and arranges the accompaniment, the resident confirms, the cadre resolves, the resident rates.
    private async Task HandleUntilRatedAsync(string caseId, string token)
    {
        using var cadreApi = await system.StaffAsync("cadre", CadreId, "ximen");
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/accompaniment", Accompaniment)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsJsonAsync($"/api/v1/track/{token}/led-through", new { comment = "已陪同办理" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadreApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "已召开7+X协商会，确定选举方案" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsJsonAsync($"/api/v1/track/{token}/rating", new { rating = "satisfied", comment = "满意" })).StatusCode);
    }

    // Right after the restart a call may meet the cluster still settling: 503 with Retry-After, which a client retries.
    private static async Task<HttpResponseMessage> AnsweredAsync(HttpClient client, string path) =>
        (await Eventually.GetAsync(() => client.GetAsync(path), r => r.StatusCode != HttpStatusCode.ServiceUnavailable, $"{path} is answered",
            r => $"{r.StatusCode}", TimeSpan.FromSeconds(30))).EnsureSuccessStatusCode();
}
