namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Who is in which video call on this gateway: per petition, each party's (resident's, official's) one connection.
/// A party joining again from another connection takes the seat from the first, so a call has two ends at most.
/// </summary>
public sealed class CallRooms
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, CallSeat>> _rooms = new(StringComparer.Ordinal);

    /// <summary>Seats the party; answers the connection it replaced (or null) and whether the other party is here.</summary>
    public (string? Replaced, bool PeerPresent) Enter(string petitionId, CallSeat seat)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(petitionId, out var room))
            {
                _rooms[petitionId] = room = new(StringComparer.Ordinal);
            }

            var replaced = room.TryGetValue(seat.Party, out var before) && before.ConnectionId != seat.ConnectionId ? before.ConnectionId : null;
            room[seat.Party] = seat;
            return (replaced, room.Keys.Any(party => party != seat.Party));
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

/// <summary>A party's place in a call: <c>resident</c> or <c>official</c>, the connection, and who they are on the case's timeline.</summary>
public sealed record CallSeat(string Party, string ConnectionId, CaseActor Actor);
