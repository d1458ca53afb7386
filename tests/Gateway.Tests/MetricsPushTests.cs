using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>The board hears its community's KPIs live.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsPushTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_board_watching_its_community_hears_the_new_kpis_when_a_case_changes()
    {
        var community = "live-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<ICommunityGrain>(community)
            .ConfigureAsync(new CommunityDefinition(new CommunityInfo(community, "测试社区", "Test", "sub-live", "county-live", [], []), []));
        await Eventually.GetAsync(() => fixture.Flow.CreateClient().GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK);
        var board = await fixture.HubAsync(await fixture.TokenAsync("dispatcher", "d-live", community));
        var heard = Channel.CreateUnbounded<JsonObject>();
        board.On<JsonObject>("metricsUpdated", m => heard.Writer.TryWrite(m));
        await board.InvokeAsync("WatchCommunity", community);

        var submitted = DateTimeOffset.UtcNow;
        await fixture.Grains.GetGrain<IMetricsGrain>(community).RecordAsync(new CaseFact(
            "live-case", community, "sub-live", "heating", CaseKind.Service, null, submitted, submitted, null, submitted.AddMinutes(30), null, submitted.AddDays(1), null, null, null));

        var push = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(community, push["communityId"]!.GetValue<string>());
        Assert.Equal(1, push["thisMonth"]!["submitted"]!.GetValue<int>());
        Assert.Equal(1.0, push["thisMonth"]!["acceptanceRate"]!.GetValue<double>());
        Assert.Null(push["thisMonth"]!["satisfactionRate"]);
        Assert.EndsWith("+08:00", push["dayStart"]!.GetValue<string>());
        await board.DisposeAsync();
    }
}
