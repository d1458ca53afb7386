using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Bench;

/// <summary>
/// The few listeners of s4: one board per community (no cadre phones), counting each case once when its
/// `assigned` push arrives, so "accepted but never pushed" is known without thousands of connections.
/// </summary>
public sealed class AssignedWatch(Uri baseAddress, Driver driver) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private long _assigned;
    private long _pushes;

    /// <summary>Cases whose `assigned` push reached their board.</summary>
    public long Assigned => Interlocked.Read(ref _assigned);

    public long Pushes => Interlocked.Read(ref _pushes);

    public long Closed;

    public int Count => _connections.Count;

    public async Task ConnectAsync(BenchWorld world, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        foreach (var community in world.Communities)
        {
            var token = await SystemUnderTest.TokenAsync(http, "dispatcher", community.Id + "-dispatcher", community.Id, ct);
            var connection = SystemUnderTest.Hub(baseAddress, token);
            connection.Closed += _ => { Interlocked.Increment(ref Closed); return Task.CompletedTask; };
            connection.On<JsonElement>("caseUpdated", OnCaseUpdated);
            await connection.StartAsync(ct);
            await connection.InvokeAsync("WatchCommunity", community.Id, ct);
            _connections.Add(connection);
        }
    }

    private void OnCaseUpdated(JsonElement m)
    {
        Interlocked.Increment(ref _pushes);
        if (Driver.EventTypeOf(m) != "assigned")
        {
            return;
        }
        var t = driver.Cases.GetOrAdd(m.GetProperty("caseId").GetString()!, _ => new CaseTrack());
        if (Interlocked.CompareExchange(ref t.BoardAssigned, Stopwatch.GetTimestamp(), 0) == 0)
        {
            Interlocked.Increment(ref _assigned);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
        _connections.Clear();
    }
}
