using System.Text.Json;
using Gongzhi.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Hands the video calls' messages from the cluster to this gateway's connections in each call, except the sender's,
/// in the order each sender connection sent them. Orleans does not promise the order of one-way calls
/// (dotnet/orleans#9796), so a message that overtook an earlier one waits here for it; a message lost on the way (the
/// registry restarted) is given up once <see cref="ReorderLimit"/> later ones wait. A sender first heard far into its
/// stream (this gateway started after it joined) is taken from there.
/// </summary>
public sealed class CallRelay(IHubContext<DispatchHub> hub, CallRooms rooms, ILogger<CallRelay> logger)
{
    public const int ReorderLimit = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string PetitionId, string Sender), SenderStream> _streams = [];

    public Task DeliverAsync(CallMessage message)
    {
        if (message.Kind == CallMessageKind.Ended)
        {
            return EndAsync(message);
        }

        lock (_lock)
        {
            var key = (message.PetitionId, message.SenderConnectionId);
            if (!_streams.TryGetValue(key, out var stream))
            {
                // Early in a stream the first messages may still be on their way; far into it, they went by before this gateway listened.
                _streams[key] = stream = new SenderStream(message.Seq <= ReorderLimit ? 1 : message.Seq);
            }

            if (message.Seq < stream.Next || !stream.Pending.TryAdd(message.Seq, message))
            {
                return Task.CompletedTask;
            }

            if (stream.Pending.Count > ReorderLimit && !stream.Pending.ContainsKey(stream.Next))
            {
                logger.LogWarning("Call messages {From}..{To} of a sender in petition {PetitionId} never came; going on without them",
                    stream.Next, stream.Pending.Keys[0] - 1, message.PetitionId);
                stream.Next = stream.Pending.Keys[0];
            }

            var ready = new List<CallMessage>();
            while (stream.Pending.Remove(stream.Next, out var next))
            {
                ready.Add(next);
                stream.Next++;
            }

            if (ready.Count == 0)
            {
                return Task.CompletedTask;
            }

            if (ready[^1].Kind == CallMessageKind.PeerAbsent)
            {
                _streams.Remove(key);
            }

            // Each sender's sends run one after another, so a later batch never overtakes an earlier one.
            stream.Tail = SendAfterAsync(stream.Tail, ready);
            return stream.Tail;
        }
    }

    private async Task SendAfterAsync(Task before, List<CallMessage> messages)
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
            _streams.Remove((message.PetitionId, replaced));
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

    private sealed class SenderStream(long next)
    {
        public long Next { get; set; } = next;

        public SortedList<long, CallMessage> Pending { get; } = [];

        public Task Tail { get; set; } = Task.CompletedTask;
    }
}
