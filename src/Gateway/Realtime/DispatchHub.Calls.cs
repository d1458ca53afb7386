using System.Text.Json;
using System.Threading.RateLimiting;
using Gongzhi.Gateway.Apis;
using Gongzhi.Realtime;
using Gongzhi.VideoPetitions;
using Microsoft.AspNetCore.SignalR;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// 视频信访 as a live call: the petition's two parties (its resident, by the case's tracking token, and the official who
/// accepted it) join a group per call and relay WebRTC signals (SDP descriptions, ICE candidates) to each other. The
/// parties may be on different gateways, so every message goes through the cluster's dispatch registry to every
/// gateway, which hands it to its own members of the call's group (<see cref="CallRelay"/>). Joining and leaving are written on the case's timeline by the petition's grain. A refusal is a
/// <see cref="HubException"/> whose message starts with its refusal code (<c>not-a-party: …</c>).
/// </summary>
public sealed partial class DispatchHub
{
    /// <summary>Pushed to the other party: the party (<c>resident</c>/<c>official</c>) joined or left.</summary>
    public const string CallPeer = "callPeer";

    /// <summary>Pushed to the other party: a signal to hand to its peer connection.</summary>
    public const string CallSignal = "callSignal";

    /// <summary>Pushed to a connection whose seat in a call another connection of the same party took.</summary>
    public const string CallEnded = "callEnded";

    private const string SignalLimiterKey = "callSignalLimiter";

    public static string CallGroup(string petitionId) => $"call:{petitionId}";

    /// <summary>
    /// Joins the call of a scheduled petition: the resident with the case's tracking token, or signed-in as the official who
    /// accepted the petition. Answers this party's role, whether the other party is here, and the ICE servers to use.
    /// </summary>
    [AllowAnonymous]
    public async Task<CallJoined> JoinCall(string petitionId, string? trackingToken)
    {
        if (petitionId is not { Length: > 0 and <= TextLimits.Code } || trackingToken is { Length: > TextLimits.Token })
        {
            throw CallRefused(RefusalCodes.InvalidRequest, "A petition id and, for the resident, the case's tracking token.");
        }

        var grain = cluster.GetGrain<IVideoPetitionGrain>(petitionId);
        var petition = await grain.GetAsync() ?? throw CallRefused(RefusalCodes.PetitionNotFound, "No such video petition.");
        var actor = await CallActorAsync(petition, trackingToken)
            ?? throw CallRefused(RefusalCodes.NotAParty, "Only the petition's resident and the official who accepted it take part in its call.");
        var joined = await grain.JoinCallAsync(actor, Context.ConnectionId);
        if (joined.Outcome != CommandOutcome.Ok)
        {
            throw CallRefused(joined.Refusal!.Code, joined.Refusal.Detail);
        }

        var party = actor == CaseActor.Resident ? CallParties.Resident : CallParties.Official;
        var (seat, replacedHere) = rooms.Enter(petitionId, new CallSeat(party, Context.ConnectionId, actor));
        if (replacedHere is not null)
        {
            await Groups.RemoveFromGroupAsync(replacedHere, CallGroup(petitionId));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, CallGroup(petitionId));
        // The seat's former connection may be on another gateway: the petition knows it, the cluster reaches it.
        var replaced = petition.InCall.GetValueOrDefault(party) is { } before && before != Context.ConnectionId ? before : replacedHere;
        if (replaced is not null)
        {
            await PublishCallAsync(new CallMessage(petitionId, CallMessageKind.Ended, party, null, Context.ConnectionId, 0, replaced));
        }

        await PublishCallAsync(new CallMessage(petitionId, CallMessageKind.PeerPresent, party, null, Context.ConnectionId, seat.NextSeq()));
        var peerPresent = joined.Petition!.InCall.Keys.Any(p => p != party);
        return new CallJoined(petitionId, petition.CaseId, party, party == CallParties.Resident, peerPresent, video.Value.IceServers);
    }

    /// <summary>Relays a WebRTC signal (any JSON: a description or a candidate) to the other party of a call this connection joined.</summary>
    [AllowAnonymous]
    public async Task Signal(string petitionId, JsonElement payload)
    {
        var seat = rooms.SeatOf(petitionId ?? "", Context.ConnectionId)
            ?? throw CallRefused(RefusalCodes.NotInCall, "Join the call first.");
        var limit = video.Value.MaxSignalChars;
        if (payload.GetRawText().Length > limit)
        {
            throw CallRefused(RefusalCodes.SignalTooLarge, $"A signal is at most {limit} characters.");
        }

        using var lease = SignalLimiter().AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw CallRefused(RefusalCodes.SignalsTooFast, "Too many signals; slow down.");
        }

        await PublishCallAsync(new CallMessage(petitionId!, CallMessageKind.Signal, seat.Party, payload.GetRawText(), Context.ConnectionId, seat.NextSeq()));
    }

    /// <summary>Hangs up: the other party hears it and the case's timeline records it. Leaving a call not joined does nothing.</summary>
    [AllowAnonymous]
    public Task LeaveCall(string petitionId) => LeaveAsync(petitionId ?? "");

    private async Task LeaveAsync(string petitionId)
    {
        if (rooms.Leave(petitionId, Context.ConnectionId) is not { } seat)
        {
            return;
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, CallGroup(petitionId));
        await PublishCallAsync(new CallMessage(petitionId, CallMessageKind.PeerAbsent, seat.Party, null, Context.ConnectionId, seat.NextSeq()));
        var left = await cluster.GetGrain<IVideoPetitionGrain>(petitionId).LeaveCallAsync(seat.Actor, Context.ConnectionId);
        if (left.Outcome != CommandOutcome.Ok)
        {
            logger.LogWarning("Petition {PetitionId} refused the leave of its {Party}: {Refusal}", petitionId, seat.Party, left.Refusal);
        }
    }

    // A connection that drops leaves every call it was in, as if it had hung up.
    private async Task LeaveCallsAsync()
    {
        foreach (var petitionId in rooms.CallsOf(Context.ConnectionId))
        {
            try
            {
                await LeaveAsync(petitionId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not record that a connection left the call of petition {PetitionId}", petitionId);
            }
        }

        if (Context.Items.TryGetValue(SignalLimiterKey, out var limiter))
        {
            ((RateLimiter)limiter!).Dispose();
        }
    }

    // The resident holds the case's tracking token; staff must be the official who accepted the petition.
    private async Task<CaseActor?> CallActorAsync(VideoPetitionSnapshot petition, string? trackingToken)
    {
        if (trackingToken is not null)
        {
            return tokens.Open(trackingToken) == petition.CaseId ? CaseActor.Resident : null;
        }

        return Context.User is { } user && user.Role() is not null
            && (await auth.AuthorizeAsync(user, new VideoPetitionAccess(petition), StaffOperations.JoinVideoCall)).Succeeded
            ? user.Actor()
            : null;
    }

    private RateLimiter SignalLimiter()
    {
        if (Context.Items.TryGetValue(SignalLimiterKey, out var existing))
        {
            return (RateLimiter)existing!;
        }

        var options = video.Value;
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.SignalBurst,
            TokensPerPeriod = options.SignalsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        Context.Items[SignalLimiterKey] = limiter;
        return limiter;
    }

    // Every gateway, this one included, hands the message to its connections in the call (CallRelay): one registry hop.
    private Task PublishCallAsync(CallMessage message) => cluster.GetGrain<IDispatchRegistryGrain>(0).PublishCallAsync(message);

    private static HubException CallRefused(string code, string detail) => new($"{code}: {detail}");
}

/// <summary>The answer to <c>JoinCall</c>: this party's role; the resident is the polite peer of perfect negotiation.</summary>
public sealed record CallJoined(string PetitionId, string CaseId, string Role, bool Polite, bool PeerPresent, IReadOnlyList<IceServer> IceServers);

public sealed record CallPeerPush(string PetitionId, string Role, bool Present);

public sealed record CallSignalPush(string PetitionId, string From, JsonElement Payload);

public sealed record CallEndedPush(string PetitionId, string Reason);
