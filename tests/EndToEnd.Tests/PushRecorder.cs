using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>A real SignalR client that records every <c>caseUpdated</c> it receives.</summary>
public sealed class PushRecorder : IAsyncDisposable
{
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();

    private PushRecorder(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonObject>("caseUpdated", update => _received.Writer.TryWrite(update));
    }

    public HubConnection Connection { get; }

    /// <summary>Every update for one case, in the order received.</summary>
    public List<JsonObject> Heard { get; } = [];

    public static async Task<PushRecorder> ConnectAsync(Uri baseAddress, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/dispatch"), o =>
            {
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        var recorder = new PushRecorder(connection);
        await connection.StartAsync();
        return recorder;
    }

    /// <summary>Waits for the update of the case with the given status; keeps what it heard of that case on the way.</summary>
    public async Task<JsonObject> WaitForAsync(string caseId, string status, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var update = await _received.Reader.ReadAsync(timeout.Token);
            if (update["caseId"]!.GetValue<string>() != caseId)
            {
                continue;
            }

            Heard.Add(update);
            if (update["status"]!.GetValue<string>() == status)
            {
                return update;
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
