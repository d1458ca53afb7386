using System.Text.Json;
using Gongzhi.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Hands the video calls' messages from the cluster to this gateway's connections in each call, except the sender's,
/// in the order each sender connection sent them (<see cref="CallSequencer"/>): each sender's sends run one after another.
/// A gap in a sender's messages is looked at again once it is <see cref="CallSequencer.GapWait"/> old, so what waited
/// behind a lost message goes on even when nothing more comes from that sender.
/// </summary>
public sealed class CallRelay(IHubContext<DispatchHub> hub, CallRooms rooms, TimeProvider time, ILogger<CallRelay> logger)
{
    private readonly Lock _lock = new();
    private readonly CallSequencer _sequencer = new();
    private readonly Dictionary<(string PetitionId, string Sender), Task> _tails = [];
    private readonly HashSet<(string PetitionId, string Sender)> _gapWatched = [];

    public Task DeliverAsync(CallMessage message)
    {
        if (message.Kind == CallMessageKind.Ended)
        {
            return EndAsync(message);
        }

        var key = (message.PetitionId, message.SenderConnectionId);
        lock (_lock)
        {
            return SendReady(key, _sequencer.Accept(message, time.GetUtcNow(), GaveUp(key)));
        }
    }

    // Sends what is ready behind the sender's earlier sends; watches a gap left behind.
    private Task SendReady((string PetitionId, string Sender) key, IReadOnlyList<CallMessage> ready)
    {
        if (_sequencer.HasGap(key.PetitionId, key.Sender) && _gapWatched.Add(key))
        {
            _ = ExpireGapAsync(key);
        }

        if (ready.Count == 0)
        {
            return Task.CompletedTask;
        }

        // A later batch of a sender never overtakes its earlier one.
        var tail = SendAfterAsync(_tails.GetValueOrDefault(key, Task.CompletedTask), ready);
        if (ready[^1].Kind == CallMessageKind.PeerAbsent)
        {
            _tails.Remove(key);
        }
        else
        {
            _tails[key] = tail;
        }

        return tail;
    }

    private async Task ExpireGapAsync((string PetitionId, string Sender) key)
    {
        await Task.Delay(CallSequencer.GapWait, time);
        Task sent;
        lock (_lock)
        {
            _gapWatched.Remove(key);
            sent = SendReady(key, _sequencer.Expire(key.PetitionId, key.Sender, time.GetUtcNow(), GaveUp(key)));
        }

        await sent;
    }

    private Action<long, long> GaveUp((string PetitionId, string Sender) key) => (from, to) => logger.LogWarning(
        "Call messages {From}..{To} of a sender in petition {PetitionId} never came; going on without them", from, to, key.PetitionId);

    private async Task SendAfterAsync(Task before, IReadOnlyList<CallMessage> messages)
    {
        await before;
        foreach (var message in messages)
        {
            try
            {
                await SendAsync(message);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Push of a {Kind} call message of petition {PetitionId} failed", message.Kind, message.PetitionId);
            }
        }
    }

    private Task SendAsync(CallMessage message)
    {
        var others = hub.Clients.GroupExcept(DispatchHub.CallGroup(message.PetitionId), [message.SenderConnectionId]);
        return message.Kind == CallMessageKind.Signal
            ? others.SendAsync(DispatchHub.CallSignal, new CallSignalPush(message.PetitionId, message.From, Parse(message.Payload)))
            : others.SendAsync(DispatchHub.CallPeer, new CallPeerPush(message.PetitionId, message.From, message.Kind == CallMessageKind.PeerPresent));
    }

    // The connection whose seat was taken (on this gateway or another) leaves the call and hears that it ended.
    private async Task EndAsync(CallMessage message)
    {
        if (message.Target is not { } replaced)
        {
            return;
        }

        lock (_lock)
        {
            _sequencer.Forget(message.PetitionId, replaced);
            _tails.Remove((message.PetitionId, replaced));
        }

        rooms.Leave(message.PetitionId, replaced);
        try
        {
            await hub.Groups.RemoveFromGroupAsync(replaced, DispatchHub.CallGroup(message.PetitionId));
            await hub.Clients.Client(replaced).SendAsync(DispatchHub.CallEnded, new CallEndedPush(message.PetitionId, "replaced"));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not end the replaced connection's call of petition {PetitionId}", message.PetitionId);
        }
    }

    private static JsonElement Parse(string? payload)
    {
        using var document = JsonDocument.Parse(payload ?? "null");
        return document.RootElement.Clone();
    }
}
