using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.EndToEnd.Tests.Stories;

/// <summary>What one SignalR client heard during a story; tests await the message they expect next.</summary>
public sealed class StoryListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Kind, JsonObject Message)> _heard = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public StoryListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonObject>("caseUpdated", m => Keep("caseUpdated", m));
        connection.On<JsonObject>("invitation", m => Keep("invitation", m));
    }

    public HubConnection Connection { get; }

    public IEnumerable<JsonObject> Heard(string kind) => _heard.Where(h => h.Kind == kind).Select(h => h.Message);

    /// <summary>The case events this client heard of one case, in order.</summary>
    public IReadOnlyList<string> EventsOf(string caseId) =>
        Heard("caseUpdated").Where(m => m["caseId"]!.GetValue<string>() == caseId).Select(m => m["event"]!["type"]!.GetValue<string>()).ToArray();

    /// <summary>Waits until a message satisfying the condition has been heard.</summary>
    public async Task<JsonObject> WaitForAsync(string kind, Func<JsonObject, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Heard(kind).FirstOrDefault(condition);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No {kind} message as expected; heard: {string.Join(" | ", _heard.Select(h => h.Message.ToJsonString()).TakeLast(8))}");
            }
        }
    }

    public Task<JsonObject> WaitForEventAsync(string caseId, string eventType, TimeSpan? within = null) =>
        WaitForAsync("caseUpdated", m => m["caseId"]!.GetValue<string>() == caseId && m["event"]!["type"]!.GetValue<string>() == eventType, within);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Keep(string kind, JsonObject message)
    {
        _heard.Enqueue((kind, message));
        _arrived.Release();
    }
}
