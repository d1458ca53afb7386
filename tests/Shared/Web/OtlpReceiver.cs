using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongzhi.Testing;

/// <summary>
/// A small OTLP/HTTP collector on a free loopback port: <c>POST /v1/traces</c> (protobuf, gzip or not) keeps the spans
/// it reads (<see cref="OtlpTraceReader"/>); other signals (<c>/v1/metrics</c>, <c>/v1/logs</c>) are accepted and dropped.
/// Point a process at it with <see cref="Environment"/>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address exporters append <c>/v1/traces</c> to.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<OtlpSpan> Spans => _spans.ToArray();

    /// <summary>Every span received of one trace.</summary>
    public IReadOnlyList<OtlpSpan> Trace(string traceId) => _spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>The standard variables that make a process export its traces here, in protobuf, within a fifth of a second.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.TakeAsync);
        app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    private async Task<IResult> TakeAsync(HttpRequest request)
    {
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        foreach (var span in OtlpTraceReader.Read(buffer.ToArray()))
        {
            _spans.Enqueue(span);
        }

        // An empty ExportTraceServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
