using System.Net.WebSockets;
using System.Text;

namespace Gongzhi.Balancer.Tests;

/// <summary>
/// A stand-in for a gateway on a free loopback port: <c>/who</c> answers its name, <c>/seen</c> the host and
/// forwarded address and scheme it was asked with, <c>/trace</c> its trace headers, <c>/healthz/ready</c> answers
/// 200 while <see cref="Ready"/>, and <c>/ws</c> echoes each WebSocket text message prefixed with its name.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGateway(string name, WebApplication app, string url)
    {
        Name = name;
        _app = app;
        Url = url;
    }

    public string Name { get; }

    public string Url { get; }

    public bool Ready { get; set; } = true;

    public static async Task<FakeGateway> StartAsync(string name)
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeGateway(name, app, url);
        app.UseWebSockets();
        app.MapGet("/who", () => name);
        app.MapGet("/seen", (HttpRequest request) =>
            $"{request.Host} {request.Headers["X-Forwarded-For"]} {request.Headers["X-Forwarded-Proto"]}");
        app.MapGet("/trace", (HttpRequest request) => $"[{request.Headers["traceparent"]}] [{request.Headers["tracestate"]}]");
        app.MapGet("/healthz/ready", () => gateway.Ready ? Results.Text("ready") : Results.StatusCode(503));
        app.Map("/ws", gateway.EchoAsync);
        await app.StartAsync();
        return gateway;
    }

    /// <summary>Stops listening: connections to its port are refused from now on, as for a killed container.</summary>
    public Task StopAsync() => _app.StopAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            var reply = Encoding.UTF8.GetBytes($"{Name}:{Encoding.UTF8.GetString(buffer, 0, received.Count)}");
            await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        }
    }
}
