using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Gongzhi.Bench;

/// <summary>
/// A minimal SignalR client (JSON protocol over a WebSocket, no negotiation) for holding thousands of
/// connections in the bench process: one ClientWebSocket on a shared HTTP handler, one 4 KB receive
/// buffer, no timers of its own (the crowd sends the keep-alive pings). Enough for the bench: the
/// handshake, invocations with their completion, server pings and `caseUpdated` messages.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket _ws = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Action<JsonElement> _onCaseUpdated;
    private readonly Action<HubSocket, string> _onClosed;
    private readonly Dictionary<string, TaskCompletionSource> _pending = [];
    private TaskCompletionSource? _handshake;
    private int _nextId;
    private int _closed;

    private HubSocket(Action<JsonElement> onCaseUpdated, Action<HubSocket, string> onClosed)
    {
        _onCaseUpdated = onCaseUpdated;
        _onClosed = onClosed;
        _ws.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan; // SignalR's own pings keep it alive
    }

    public bool IsOpen => Volatile.Read(ref _closed) == 0 && _ws.State == WebSocketState.Open;

    /// <summary>Opens the socket on the shared <paramref name="invoker"/> and completes the SignalR handshake.</summary>
    public static async Task<HubSocket> ConnectAsync(Uri hub, string? accessToken, HttpMessageInvoker invoker, Action<JsonElement> onCaseUpdated, Action<HubSocket, string> onClosed, CancellationToken ct)
    {
        var socket = new HubSocket(onCaseUpdated, onClosed);
        try
        {
            var ws = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" };
            if (accessToken is not null)
            {
                ws.Query = "access_token=" + Uri.EscapeDataString(accessToken);
            }
            await socket._ws.ConnectAsync(ws.Uri, invoker, ct);
            socket._handshake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = socket.ReceiveLoopAsync();
            await socket.SendAsync(Handshake, ct);
            await socket._handshake.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return socket;
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls a hub method with one string argument and waits for its completion; a hub error throws.</summary>
    public async Task InvokeAsync(string target, string argument, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[id] = done;
        }
        var message = JsonSerializer.SerializeToUtf8Bytes(new { type = 1, invocationId = id, target, arguments = new[] { argument } });
        await SendAsync([.. message, RecordSeparator], ct);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    public Task PingAsync(CancellationToken ct) => IsOpen ? SendAsync(Ping, ct) : Task.CompletedTask;

    private async Task SendAsync(byte[] message, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _ws.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        ArrayBufferWriter<byte>? message = null; // only for a message longer than the buffer
        try
        {
            while (true)
            {
                var result = await _ws.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(new IOException($"websocket closed by the server: {_ws.CloseStatus} {_ws.CloseStatusDescription}"));
                    return;
                }
                if (result.EndOfMessage && (message is null || message.WrittenCount == 0))
                {
                    Records(buffer.AsSpan(0, result.Count));
                    continue;
                }
                message ??= new ArrayBufferWriter<byte>(16 * 1024);
                message.Write(buffer.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    Records(message.WrittenSpan);
                    message.ResetWrittenCount();
                }
            }
        }
        catch (Exception e)
        {
            Close(new IOException($"connection closed: {e.GetType().Name} {e.Message}", e));
        }
    }

    private void Records(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            var end = data.IndexOf(RecordSeparator);
            if (end < 0)
            {
                return; // the JSON protocol always ends a message with the separator
            }
            Record(data[..end]);
            data = data[(end + 1)..];
        }
    }

    private void Record(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (!root.TryGetProperty("type", out var type))
        {
            // The handshake answer: {} or {"error": "..."}
            if (root.TryGetProperty("error", out var error))
            {
                _handshake?.TrySetException(new IOException($"handshake refused: {error.GetString()}"));
            }
            else
            {
                _handshake?.TrySetResult();
            }
            return;
        }
        switch (type.GetInt32())
        {
            case 1 when root.GetProperty("target").ValueEquals("caseUpdated"):
                _onCaseUpdated(root.GetProperty("arguments")[0]);
                break;
            case 3:
                TaskCompletionSource? done;
                lock (_pending)
                {
                    _pending.Remove(root.GetProperty("invocationId").GetString()!, out done);
                }
                if (root.TryGetProperty("error", out var err))
                {
                    done?.TrySetException(new InvalidOperationException(err.GetString()));
                }
                else
                {
                    done?.TrySetResult();
                }
                break;
            case 7:
                Close(new IOException(root.TryGetProperty("error", out var why) ? $"closed by the server: {why.GetString()}" : "closed by the server"));
                break;
        }
    }

    private void Close(Exception reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        _handshake?.TrySetException(reason);
        lock (_pending)
        {
            foreach (var done in _pending.Values)
            {
                done.TrySetException(reason);
            }
            _pending.Clear();
        }
        _onClosed(this, reason.Message);
    }

    /// <summary>Closes without counting it as a drop.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _closed, 1);
        try
        {
            if (_ws.State == WebSocketState.Open)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, limit.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        _ws.Dispose();
        _sendLock.Dispose();
    }
}
