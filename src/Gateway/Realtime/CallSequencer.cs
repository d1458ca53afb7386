using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Puts each sender connection's call messages back in the order it sent them (by <see cref="CallMessage.Seq"/>, from 1).
/// Orleans does not promise the order of one-way calls (dotnet/orleans#9796), so a message that overtook an earlier one
/// waits for it; a message lost on the way (the registry restarted) is given up once <see cref="ReorderLimit"/> later
/// ones wait, or once the gap is <see cref="GapWait"/> old (<see cref="Expire"/>): a call's signals come a few at a time,
/// so a count alone would hold them for good. A sender first heard far into its stream (this gateway started after it
/// joined) is taken from there. A repeat is dropped. Not thread-safe: <see cref="CallRelay"/> holds its lock.
/// </summary>
public sealed class CallSequencer
{
    public const int ReorderLimit = 32;

    /// <summary>How long later messages wait for a missing one: far longer than one-way calls overtake each other by.</summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromSeconds(2);

    private readonly Dictionary<(string PetitionId, string Sender), Stream> _streams = [];

    /// <summary>
    /// The messages now ready to deliver, in order (none while an earlier one is still on its way, unless the gap is to
    /// be given up). <paramref name="gaveUp"/> hears the range of messages given up.
    /// </summary>
    public IReadOnlyList<CallMessage> Accept(CallMessage message, DateTimeOffset now, Action<long, long>? gaveUp = null)
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

        return Release(key, stream, now, gaveUp);
    }

    /// <summary>Whether the sender's stream waits for a missing message.</summary>
    public bool HasGap(string petitionId, string sender) => _streams.TryGetValue((petitionId, sender), out var stream) && stream.GapSince is not null;

    /// <summary>The messages a gap of the sender's stream held back, once the gap is <see cref="GapWait"/> old; else none.</summary>
    public IReadOnlyList<CallMessage> Expire(string petitionId, string sender, DateTimeOffset now, Action<long, long>? gaveUp = null) =>
        _streams.TryGetValue((petitionId, sender), out var stream) ? Release((petitionId, sender), stream, now, gaveUp) : [];

    /// <summary>Forgets a sender whose seat was taken.</summary>
    public void Forget(string petitionId, string sender) => _streams.Remove((petitionId, sender));

    private List<CallMessage> Release((string, string) key, Stream stream, DateTimeOffset now, Action<long, long>? gaveUp)
    {
        var ready = TakeInOrder(stream);
        if (ready.Count == 0 && stream.GapSince is { } since && (stream.Pending.Count > ReorderLimit || now - since >= GapWait))
        {
            gaveUp?.Invoke(stream.Next, stream.Pending.Keys[0] - 1);
            stream.Next = stream.Pending.Keys[0];
            ready = TakeInOrder(stream);
        }

        // A gap dates from when it opened: the first message to wait, or the release that left one waiting behind another gap.
        stream.GapSince = stream.Pending.Count == 0 ? null : ready.Count > 0 || stream.GapSince is null ? now : stream.GapSince;
        if (ready.Count > 0 && ready[^1].Kind == CallMessageKind.PeerAbsent)
        {
            // The sender left; if the same connection joins again, it counts from 1.
            _streams.Remove(key);
        }

        return ready;
    }

    private static List<CallMessage> TakeInOrder(Stream stream)
    {
        var ready = new List<CallMessage>();
        while (stream.Pending.Remove(stream.Next, out var next))
        {
            ready.Add(next);
            stream.Next++;
        }

        return ready;
    }

    private sealed class Stream
    {
        public long Next { get; set; }

        public SortedList<long, CallMessage> Pending { get; } = [];

        /// <summary>When the oldest gap opened; null while nothing waits.</summary>
        public DateTimeOffset? GapSince { get; set; }
    }
}
