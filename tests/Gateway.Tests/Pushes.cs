using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>Records one kind of server message on a hub connection and lets a test await the one it expects.</summary>
public sealed class Pushes
{
    private readonly List<JsonObject> _heard = [];
    private readonly List<(Func<JsonObject, bool> Match, TaskCompletionSource<JsonObject> Done)> _waiting = [];

    public Pushes(HubConnection connection, string method) => connection.On<JsonObject>(method, Receive);

    public IReadOnlyList<JsonObject> Heard
    {
        get
        {
            lock (_heard)
            {
                return _heard.ToArray();
            }
        }
    }

    /// <summary>The first message, already heard or still to come, that matches.</summary>
    public Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan? within = null)
    {
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_heard)
        {
            if (_heard.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            _waiting.Add((match, done));
        }

        return done.Task.WaitAsync(within ?? TimeSpan.FromSeconds(20));
    }

    /// <summary>A case's push with the given event type.</summary>
    public Task<JsonObject> WaitForEventAsync(string caseId, string type) =>
        WaitForAsync(u => u["caseId"]?.GetValue<string>() == caseId && u["event"]?["type"]?.GetValue<string>() == type);

    private void Receive(JsonObject message)
    {
        lock (_heard)
        {
            _heard.Add(message);
            foreach (var waiter in _waiting.Where(w => w.Match(message)).ToArray())
            {
                _waiting.Remove(waiter);
                waiter.Done.TrySetResult(message);
            }
        }
    }
}
