using System.Text.Json.Nodes;
using Gongzhi.Gateway.Realtime;
using Gongzhi.Realtime;
using Gongzhi.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The video call when the balancer puts the resident and the official on different gateways of one cluster
/// (the fixture's two gateways): they still hear each other, in order, and a seat taken over elsewhere ends.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoCallAcrossGatewaysTests(GatewayFixture fixture)
{
    // A gateway hears the cluster once its observer is registered, which it does in the background as it starts.
    private static async Task<HubConnection> HubAsync(WebApplicationFactory<Program> gateway, string? token)
    {
        var registration = gateway.Services.GetRequiredService<ObserverRegistration>();
        await Eventually.GetAsync(() => Task.FromResult(registration.IsRegistered), registered => registered);
        var connection = TestGateway.Hub(gateway, token);
        await connection.StartAsync();
        return connection;
    }

    private async Task<string> OfficialTokenAsync() => await fixture.TokenAsync("dispatcher", FixtureVideoCalls.Official, "ximen");

    private static bool Present(JsonObject push, string role, bool present) =>
        push["role"]!.GetValue<string>() == role && push["present"]!.GetValue<bool>() == present;

    [Fact]
    public async Task Parties_on_different_gateways_hear_each_other_and_the_signals_come_in_the_order_sent()
    {
        var (_, token, petitionId) = await fixture.PetitionAsync();
        await using var resident = await HubAsync(fixture.Flow, null);
        await using var official = await HubAsync(fixture.Quiet, await OfficialTokenAsync());
        var residentPeers = new Pushes(resident, "callPeer");
        var officialPeers = new Pushes(official, "callPeer");
        var residentSignals = new Pushes(resident, "callSignal");
        var officialSignals = new Pushes(official, "callSignal");

        Assert.False((await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token))["peerPresent"]!.GetValue<bool>());
        // The official's gateway never saw the resident join; the petition did.
        Assert.True((await official.InvokeAsync<JsonObject>("JoinCall", petitionId, null))["peerPresent"]!.GetValue<bool>());
        await residentPeers.WaitForAsync(p => Present(p, "official", true));

        for (var i = 0; i < 20; i++)
        {
            await resident.InvokeAsync("Signal", petitionId, new { candidate = $"c{i}" });
        }

        await officialSignals.WaitForAsync(p => p["payload"]!["candidate"]!.GetValue<string>() == "c19");
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"c{i}"), officialSignals.Heard.Select(p => p["payload"]!["candidate"]!.GetValue<string>()));
        Assert.All(officialSignals.Heard, p => Assert.Equal("resident", p["from"]!.GetValue<string>()));

        await official.InvokeAsync("Signal", petitionId, new { description = new { type = "answer", sdp = "v=0" } });
        Assert.Equal("answer", (await residentSignals.WaitForAsync(_ => true))["payload"]!["description"]!["type"]!.GetValue<string>());

        await official.InvokeAsync("LeaveCall", petitionId);
        await residentPeers.WaitForAsync(p => Present(p, "official", false));
        Assert.DoesNotContain(officialPeers.Heard, p => p["role"]!.GetValue<string>() == "official");
    }

    [Fact]
    public async Task On_one_gateway_each_message_arrives_once()
    {
        var (_, token, petitionId) = await fixture.PetitionAsync();
        await using var resident = await HubAsync(fixture.Flow, null);
        await using var official = await HubAsync(fixture.Flow, await OfficialTokenAsync());
        var residentPeers = new Pushes(resident, "callPeer");
        var officialSignals = new Pushes(official, "callSignal");
        var residentSignals = new Pushes(resident, "callSignal");

        await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token);
        await official.InvokeAsync<JsonObject>("JoinCall", petitionId, null);
        for (var i = 0; i < 5; i++)
        {
            await resident.InvokeAsync("Signal", petitionId, new { candidate = $"c{i}" });
        }

        // The last message from each sender comes after any repeat of the earlier ones would have.
        await resident.InvokeAsync("Signal", petitionId, new { candidate = "last" });
        await officialSignals.WaitForAsync(p => p["payload"]!["candidate"]!.GetValue<string>() == "last");
        await official.InvokeAsync("LeaveCall", petitionId);
        await residentPeers.WaitForAsync(p => Present(p, "official", false));

        Assert.Equal(["c0", "c1", "c2", "c3", "c4", "last"], officialSignals.Heard.Select(p => p["payload"]!["candidate"]!.GetValue<string>()));
        Assert.Single(residentPeers.Heard, p => Present(p, "official", true));
        Assert.Empty(residentSignals.Heard);
    }

    [Fact]
    public async Task A_seat_taken_over_through_another_gateway_ends_the_old_connection_s_call()
    {
        var (_, token, petitionId) = await fixture.PetitionAsync();
        await using var before = await HubAsync(fixture.Flow, null);
        await using var after = await HubAsync(fixture.Quiet, null);
        var ended = new Pushes(before, "callEnded");

        await before.InvokeAsync<JsonObject>("JoinCall", petitionId, token);
        await after.InvokeAsync<JsonObject>("JoinCall", petitionId, token);

        Assert.Equal("replaced", (await ended.WaitForAsync(p => p["petitionId"]!.GetValue<string>() == petitionId))["reason"]!.GetValue<string>());
        var refused = await Assert.ThrowsAsync<HubException>(() => before.InvokeAsync("Signal", petitionId, new { candidate = "stale" }));
        Assert.Contains("HubException: not-in-call:", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, after.State);
    }

    [Fact]
    public async Task Signals_held_behind_one_lost_on_the_way_reach_the_other_party_once_the_gap_is_old()
    {
        var (_, token, petitionId) = await fixture.PetitionAsync();
        await using var resident = await HubAsync(fixture.Flow, null);
        var residentSignals = new Pushes(resident, "callSignal");
        await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token);

        // The official's gateway numbered its signals 1..3; the cluster lost the first and nothing more comes after the third.
        var relay = fixture.Flow.Services.GetRequiredService<CallRelay>();
        foreach (var seq in new long[] { 2, 3 })
        {
            await relay.DeliverAsync(new CallMessage(petitionId, CallMessageKind.Signal, "official", $"{{\"candidate\":\"c{seq}\"}}", "official-elsewhere", seq));
        }

        await residentSignals.WaitForAsync(p => p["payload"]!["candidate"]!.GetValue<string>() == "c3");
        Assert.Equal(["c2", "c3"], residentSignals.Heard.Select(p => p["payload"]!["candidate"]!.GetValue<string>()));
    }
}
