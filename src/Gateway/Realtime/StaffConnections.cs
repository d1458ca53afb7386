using System.Collections.Concurrent;
using Gongzhi.Staff;
using Microsoft.AspNetCore.SignalR;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// This gateway's open hub connections of staff, by account and session, so that a session that ends (sign-out,
/// password changed or reset, account disabled) closes its connections at once rather than when its token expires.
/// </summary>
public sealed class StaffConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (string? SessionId, HubCallerContext Context)>> _byAccount = new();

    /// <summary>Tracks a staff member's connection; anonymous ones (residents) are not tracked.</summary>
    public void Add(HubCallerContext context)
    {
        if (context.User?.Subject() is { } username && context.User.Role() is not null)
        {
            _byAccount.GetOrAdd(StaffUsernames.Normalize(username), _ => new())[context.ConnectionId] =
                (context.User.FindFirst(StaffRoles.SessionClaim)?.Value, context);
        }
    }

    public void Remove(HubCallerContext context)
    {
        if (context.User?.Subject() is { } username && _byAccount.TryGetValue(StaffUsernames.Normalize(username), out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
        }
    }

    /// <summary>Closes the account's connections of the session <paramref name="sessionId"/>, or all of them when null; answers how many.</summary>
    public int Close(string username, string? sessionId)
    {
        if (!_byAccount.TryGetValue(StaffUsernames.Normalize(username), out var connections))
        {
            return 0;
        }

        var closing = connections.Where(c => sessionId is null || c.Value.SessionId == sessionId).ToArray();
        foreach (var (id, (_, context)) in closing)
        {
            connections.TryRemove(id, out _);
            context.Abort();
        }

        return closing.Length;
    }
}
