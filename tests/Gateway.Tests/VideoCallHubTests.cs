using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>The video petition as a live call on the hub: who is let in, what is relayed, and what the case's timeline keeps.</summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoCallHubTests(GatewayFixture fixture)
{
    private const string Official = FixtureVideoCalls.Official;

    private Task<(string CaseId, string Token, string PetitionId)> PetitionAsync(bool schedule = true) => fixture.PetitionAsync(schedule);

    private async Task<HubConnection> OfficialHubAsync(string subject = Official) => await fixture.HubAsync(await fixture.TokenAsync("dispatcher", subject, "ximen"));

    private static async Task AssertRefusedAsync(string code, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<HubException>(call);
        Assert.Contains($"HubException: {code}:", refused.Message, StringComparison.Ordinal);
    }

    private async Task<string[]> CallEventsAsync(string caseId)
    {
        var official = await fixture.StaffAsync("dispatcher", Official, "ximen");
        var timeline = (await official.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!["timeline"]!.AsArray();
        return [.. timeline.Select(e => e!["type"]!.GetValue<string>()).Where(t => t.StartsWith("videoCall", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task The_resident_and_the_accepting_official_meet_and_each_hears_the_other_s_signals()
    {
        var (_, token, petitionId) = await PetitionAsync();
        await using var resident = await fixture.HubAsync(null);
        await using var official = await OfficialHubAsync();
        var residentSignals = new Pushes(resident, "callSignal");
        var officialSignals = new Pushes(official, "callSignal");
        var residentPeers = new Pushes(resident, "callPeer");

        var first = await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token);
        Assert.Equal("resident", first["role"]!.GetValue<string>());
        Assert.True(first["polite"]!.GetValue<bool>());
        Assert.False(first["peerPresent"]!.GetValue<bool>());
        Assert.Empty(first["iceServers"]!.AsArray());

        var second = await official.InvokeAsync<JsonObject>("JoinCall", petitionId, null);
        Assert.Equal("official", second["role"]!.GetValue<string>());
        Assert.False(second["polite"]!.GetValue<bool>());
        Assert.True(second["peerPresent"]!.GetValue<bool>());
        await residentPeers.WaitForAsync(p => p["role"]!.GetValue<string>() == "official" && p["present"]!.GetValue<bool>());

        await resident.InvokeAsync("Signal", petitionId, new { description = new { type = "offer", sdp = "v=0" } });
        var heard = await officialSignals.WaitForAsync(p => p["petitionId"]!.GetValue<string>() == petitionId);
        Assert.Equal("resident", heard["from"]!.GetValue<string>());
        Assert.Equal("offer", heard["payload"]!["description"]!["type"]!.GetValue<string>());
        await official.InvokeAsync("Signal", petitionId, new { candidate = new { candidate = "candidate:1 1 udp 1 127.0.0.1 5000 typ host" } });
        Assert.Equal("official", (await residentSignals.WaitForAsync(_ => true))["from"]!.GetValue<string>());
        Assert.DoesNotContain(officialSignals.Heard, p => p["from"]!.GetValue<string>() == "official");

        await official.InvokeAsync("LeaveCall", petitionId);
        await residentPeers.WaitForAsync(p => p["role"]!.GetValue<string>() == "official" && !p["present"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Nobody_else_is_let_in_and_only_a_scheduled_petition_can_be_joined()
    {
        var (_, token, petitionId) = await PetitionAsync();
        var (_, otherToken, _) = await PetitionAsync(schedule: false);
        await using var stranger = await fixture.HubAsync(null);
        await using var otherOfficial = await OfficialHubAsync("d2");
        await using var admin = await fixture.HubAsync(await fixture.TokenAsync("admin", "root", "wenshang"));

        await AssertRefusedAsync("not-a-party", () => stranger.InvokeAsync<JsonObject>("JoinCall", petitionId, otherToken));
        await AssertRefusedAsync("not-a-party", () => stranger.InvokeAsync<JsonObject>("JoinCall", petitionId, null));
        await AssertRefusedAsync("not-a-party", () => otherOfficial.InvokeAsync<JsonObject>("JoinCall", petitionId, null));
        await AssertRefusedAsync("not-a-party", () => admin.InvokeAsync<JsonObject>("JoinCall", petitionId, null));
        await AssertRefusedAsync("petition-not-found", () => stranger.InvokeAsync<JsonObject>("JoinCall", "NOSUCHPETITION00", token));
        await AssertRefusedAsync("not-in-call", () => stranger.InvokeAsync("Signal", petitionId, new { candidate = "x" }));

        var (_, unscheduledToken, unscheduled) = await PetitionAsync(schedule: false);
        await AssertRefusedAsync("petition-wrong-status", () => stranger.InvokeAsync<JsonObject>("JoinCall", unscheduled, unscheduledToken));
    }

    [Fact]
    public async Task A_huge_signal_or_a_flood_of_them_is_refused_and_the_call_goes_on()
    {
        var (_, token, petitionId) = await PetitionAsync();
        await using var resident = await fixture.HubAsync(null);
        await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token);

        await AssertRefusedAsync("signal-too-large", () => resident.InvokeAsync("Signal", petitionId, new { sdp = new string('a', 20_000) }));
        Assert.Equal(HubConnectionState.Connected, resident.State);

        var refusedAt = -1;
        for (var i = 0; i < 400 && refusedAt < 0; i++)
        {
            try
            {
                await resident.InvokeAsync("Signal", petitionId, new { candidate = $"c{i}" });
            }
            catch (HubException e) when (e.Message.Contains("HubException: signals-too-fast:", StringComparison.Ordinal))
            {
                refusedAt = i;
            }
        }

        Assert.InRange(refusedAt, 60, 399);
        Assert.Equal(HubConnectionState.Connected, resident.State);
    }

    [Fact]
    public async Task Joining_and_leaving_are_on_the_timeline_once_each_however_often_the_join_is_retried()
    {
        var (caseId, token, petitionId) = await PetitionAsync();
        var resident = await fixture.HubAsync(null);
        await using var official = await OfficialHubAsync();

        await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token);
        await resident.InvokeAsync<JsonObject>("JoinCall", petitionId, token);
        await official.InvokeAsync<JsonObject>("JoinCall", petitionId, null);
        await official.InvokeAsync("LeaveCall", petitionId);
        await official.InvokeAsync("LeaveCall", petitionId);
        // The resident closes the page without hanging up.
        await resident.DisposeAsync();

        var events = await Eventually.GetAsync(() => CallEventsAsync(caseId), e => e.Length >= 4);
        Assert.Equal(["videoCallJoined", "videoCallJoined", "videoCallLeft", "videoCallLeft"], events);

        // The resident reads who by role, never the official's account.
        var track = await fixture.TrackUntilAsync(token, t => t.EventTypes().Count(e => e.StartsWith("videoCall", StringComparison.Ordinal)) == 4);
        var officialJoined = track["timeline"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "videoCallJoined" && e["actor"]!.GetValue<string>() != "resident")!;
        Assert.Equal("dispatcher", officialJoined["actor"]!.GetValue<string>());
        Assert.Null(officialJoined["actorName"]);
    }
}
