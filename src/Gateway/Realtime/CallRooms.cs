namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Who is in which video call on this gateway: per petition, each party's (resident's, official's) one connection.
/// A party joining again from another connection takes the seat from the first, so a call has two ends at most;
/// the cluster (<see cref="CallRelay"/>) ends a seat taken over from another gateway.
/// </summary>
public sealed class CallRooms
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, CallSeat>> _rooms = new(StringComparer.Ordinal);

    /// <summary>Seats the party; answers the seat it holds and the connection it replaced here (or null).</summary>
    public (CallSeat Seat, string? Replaced) Enter(string petitionId, CallSeat seat)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(petitionId, out var room))
            {
                _rooms[petitionId] = room = new(StringComparer.Ordinal);
            }

            if (room.TryGetValue(seat.Party, out var before) && before.ConnectionId == seat.ConnectionId)
            {
                // A retried join keeps its seat, so the connection's messages keep counting on.
                return (before, null);
            }

            room[seat.Party] = seat;
            return (seat, before?.ConnectionId);
        }
    }

    /// <summary>The seat the connection holds in the call, or null.</summary>
    public CallSeat? SeatOf(string petitionId, string connectionId)
    {
        lock (_lock)
        {
            return _rooms.TryGetValue(petitionId, out var room) ? room.Values.FirstOrDefault(s => s.ConnectionId == connectionId) : null;
        }
    }

    /// <summary>Frees the connection's seat in the call; answers it, or null when it held none.</summary>
    public CallSeat? Leave(string petitionId, string connectionId)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(petitionId, out var room) || room.Values.FirstOrDefault(s => s.ConnectionId == connectionId) is not { } seat)
            {
                return null;
            }

            room.Remove(seat.Party);
            if (room.Count == 0)
            {
                _rooms.Remove(petitionId);
            }

            return seat;
        }
    }

    /// <summary>The calls the connection holds a seat in.</summary>
    public IReadOnlyList<string> CallsOf(string connectionId)
    {
        lock (_lock)
        {
            return [.. _rooms.Where(r => r.Value.Values.Any(s => s.ConnectionId == connectionId)).Select(r => r.Key)];
        }
    }
}

/// <summary>
/// A party's place in a call: <c>resident</c> or <c>official</c>, the connection, and who they are on the case's timeline;
/// it numbers the connection's messages in the call from 1, for the receiving gateways to keep them in order.
/// </summary>
public sealed record CallSeat(string Party, string ConnectionId, CaseActor Actor)
{
    private long _sent;

    public long NextSeq() => Interlocked.Increment(ref _sent);
}
