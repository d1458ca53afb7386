using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Gongzhi.Testing;

namespace Gongzhi.Bench;

public sealed record BaselineResults(double KestrelPerSecond, Percentiles KestrelLatency, double TableUpsertsPerSecond, double QueueSendsPerSecond, int Concurrency, int Seconds);

/// <summary>The ceilings each figure is stated against: a bare Kestrel endpoint, Azurite's raw table upserts and queue sends.</summary>
public static class Baselines
{
    public static async Task<BaselineResults> RunAsync(BenchWorld world, string connectionString, int concurrency, int seconds, CancellationToken ct)
    {
        var kestrel = await BareKestrelAsync(world, concurrency, seconds, ct);
        Console.WriteLine($"    bare Kestrel: {kestrel.PerSecond:F0} req/s (closed loop, {concurrency} in flight), p50 {Stats.Ms(kestrel.Latency.P50)} ms, p99 {Stats.Ms(kestrel.Latency.P99)} ms");
        var table = await TableUpsertsAsync(connectionString, concurrency / 2, seconds, ct);
        Console.WriteLine($"    Azurite table upserts: {table:F0}/s ({concurrency / 2} in flight)");
        var queue = await QueueSendsAsync(connectionString, concurrency / 2, seconds, ct);
        Console.WriteLine($"    Azurite queue sends: {queue:F0}/s ({concurrency / 2} in flight)");
        return new(kestrel.PerSecond, kestrel.Latency, table, queue, concurrency, seconds);
    }

    /// <summary>A minimal endpoint in this process taking the same JSON and answering 202 with a body shaped like the gateway's.</summary>
    private static async Task<(double PerSecond, Percentiles Latency)> BareKestrelAsync(BenchWorld world, int concurrency, int seconds, CancellationToken ct)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.MapPost("/api/v1/cases", async (HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var id = Guid.NewGuid().ToString("N");
            _ = doc.RootElement.GetProperty("communityId").GetString();
            return Results.Json(new { caseId = id, trackingToken = id, trackUrl = "/track/" + id }, statusCode: StatusCodes.Status202Accepted);
        });
        await app.StartAsync(ct);
        try
        {
            using var driver = new Driver(new Uri($"http://127.0.0.1:{port}"), world, "kestrel");
            var series = new Series(seconds + 5);
            // A second of warm-up so JIT and connection set-up do not count.
            await driver.ClosedLoopAsync(concurrency, 1, new Series(3), track: false, ct);
            using var measured = new Driver(new Uri($"http://127.0.0.1:{port}"), world, "kestrel");
            var sw = Stopwatch.StartNew();
            await measured.ClosedLoopAsync(concurrency, seconds, series, track: false, ct);
            return (measured.Accepted / sw.Elapsed.TotalSeconds, Stats.Of(measured.PostLatency));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<double> TableUpsertsAsync(string connectionString, int concurrency, int seconds, CancellationToken ct)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("benchbaseline");
        await table.CreateIfNotExistsAsync(ct);
        var payload = new string('x', 800);
        return await ClosedLoopAsync(concurrency, seconds, (worker, i) =>
            table.UpsertEntityAsync(new TableEntity($"p{worker}", $"r{i % 500}") { ["Data"] = payload, ["N"] = i }, TableUpdateMode.Replace, ct), ct);
    }

    private static async Task<double> QueueSendsAsync(string connectionString, int concurrency, int seconds, CancellationToken ct)
    {
        var queue = new QueueServiceClient(connectionString).GetQueueClient("bench-baseline");
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var payload = new string('x', 800);
        var rate = await ClosedLoopAsync(concurrency, seconds, (_, _) => queue.SendMessageAsync(payload, ct), ct);
        await queue.DeleteIfExistsAsync(CancellationToken.None);
        return rate;
    }

    private static async Task<double> ClosedLoopAsync(int concurrency, int seconds, Func<int, long, Task> op, CancellationToken ct)
    {
        // One second of warm-up, then count.
        long done = 0, errors = 0;
        var warmEnd = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var end = warmEnd + (long)(seconds * (double)Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            for (long i = 0; Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested; i++)
            {
                try
                {
                    await op(w, i);
                    if (Stopwatch.GetTimestamp() >= warmEnd)
                    {
                        Interlocked.Increment(ref done);
                    }
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, CancellationToken.None)));
        if (errors > 0)
        {
            Console.WriteLine($"    ({errors} errors)");
        }
        return done / (double)seconds;
    }
}
