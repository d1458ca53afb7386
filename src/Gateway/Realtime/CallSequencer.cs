using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Puts each sender connection's call messages back in the order it sent them (by <see cref="CallMessage.Seq"/>, from 1).
/// Orleans does not promise the order of one-way calls (dotnet/orleans#9796), so a message that overtook an earlier one
/// waits for it; a message lost on the way (the registry restarted) is given up once <see cref="ReorderLimit"/> later
/// ones wait. A sender first heard far into its stream (this gateway started after it joined) is taken from there.
/// A repeat is dropped. Not thread-safe: <see cref="CallRelay"/> holds its lock.
/// </summary>
public sealed class CallSequencer
{
    public const int ReorderLimit = 32;

    private readonly Dictionary<(string PetitionId, string Sender), Stream> _streams = [];

    /// <summary>The messages now ready to deliver, in order (none while an earlier one is still on its way).</summary>
    public IReadOnlyList<CallMessage> Accept(CallMessage message, Action<long, long>? gaveUp = null)
    {
        var key = (message.PetitionId, message.SenderConnectionId);
        if (!_streams.TryGetValue(key, out var stream))
        {
            // Early in a stream the first messages may still be on their way; far into it, they went by before this gateway listened.
            _streams[key] = stream = new Stream { Next = message.Seq <= ReorderLimit ? 1 : message.Seq };
        }

        if (message.Seq < stream.Next || !stream.Pending.TryAdd(message.Seq, message))
        {
            return [];
        }

        if (stream.Pending.Count > ReorderLimit && !stream.Pending.ContainsKey(stream.Next))
        {
            gaveUp?.Invoke(stream.Next, stream.Pending.Keys[0] - 1);
            stream.Next = stream.Pending.Keys[0];
        }

        var ready = new List<CallMessage>();
        while (stream.Pending.Remove(stream.Next, out var next))
        {
            ready.Add(next);
            stream.Next++;
        }

        if (ready.Count > 0 && ready[^1].Kind == CallMessageKind.PeerAbsent)
        {
            // The sender left; if the same connection joins again, it counts from 1.
            _streams.Remove(key);
        }

        return ready;
    }

    /// <summary>Forgets a sender whose seat was taken.</summary>
    public void Forget(string petitionId, string sender) => _streams.Remove((petitionId, sender));

    private sealed class Stream
    {
        public long Next { get; set; }

        public SortedList<long, CallMessage> Pending { get; } = [];
    }
}
