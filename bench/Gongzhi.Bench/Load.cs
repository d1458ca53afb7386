using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Gongzhi.Bench;

/// <summary>What the bench knows of one submission. Times are Stopwatch timestamps; 0 = not (yet) seen.</summary>
public sealed class CaseTrack
{
    public long Sent;          // the scheduled send time (open loop: latency counts from when it was due, not when it went out)
    public long Answered;      // the 202
    public long BoardFirst;    // first caseUpdated on the community's board
    public long BoardAssigned; // the board's `assigned` event
    public long CadreAssigned; // the `assigned` push on the assignee's own connection
    public string? AssigneeId;
}

/// <summary>Counters per second of the run, indexed by second since the load began.</summary>
public sealed class Series(int length)
{
    public readonly long[] Offered = new long[length];
    public readonly long[] Accepted = new long[length];
    public readonly long[] Errors = new long[length];
    public readonly long[] BoardPushes = new long[length];
    public readonly long[] CadrePushes = new long[length];

    public int Length => Offered.Length;

    public static void Add(long[] a, int second) => Interlocked.Increment(ref a[Math.Clamp(second, 0, a.Length - 1)]);
}

/// <summary>Sends submissions to a URL (the gateway or the bare Kestrel baseline) open loop or closed loop, and counts answers.</summary>
public sealed class Driver : IDisposable
{
    private readonly HttpClient _http;
    private readonly BenchWorld _world;
    private readonly string _runId;
    private long _next;
    private long _inFlight;

    public Driver(Uri baseAddress, BenchWorld world, string runId)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 2048,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _world = world;
        _runId = runId;
    }

    public ConcurrentDictionary<string, CaseTrack> Cases { get; } = new();

    public ConcurrentDictionary<string, long> ErrorsByKind { get; } = new();

    public HdrHistogram.LongHistogram PostLatency { get; } = Stats.NewHistogram();

    public HdrHistogram.LongHistogram SendLag { get; } = Stats.NewHistogram();

    public long Sent;
    public long Accepted;
    public long Failed;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long T0 { get; private set; }

    public Series? Series { get; private set; }

    /// <summary>Called with the case id and tracking token of each tracked 202 (s3: a resident connects to watch it).</summary>
    public Action<string, string>? OnAccepted { get; set; }

    /// <summary>Fixed arrival rate: request i is due at T0 + i/rate, whether or not earlier ones were answered.</summary>
    public async Task OpenLoopAsync(double rate, int seconds, Series series, bool track, CancellationToken ct)
    {
        Series = series;
        T0 = Stopwatch.GetTimestamp();
        var total = (long)(rate * seconds);
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = T0 + (long)(i / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1.5))
            {
                await Task.Delay(wait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            lock (SendLag)
            {
                SendLag.RecordValue(Math.Max(0, Stats.Micros(due, Stopwatch.GetTimestamp())));
            }
            _ = Task.Run(() => PostAsync(due, track), CancellationToken.None);
        }
    }

    /// <summary>Closed loop: `concurrency` workers each send, wait for the answer, send again. Measures a ceiling.</summary>
    public async Task ClosedLoopAsync(int concurrency, int seconds, Series series, bool track, CancellationToken ct)
    {
        Series = series;
        T0 = Stopwatch.GetTimestamp();
        var end = T0 + (long)(seconds * (double)Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
            {
                await PostAsync(Stopwatch.GetTimestamp(), track);
            }
        }, CancellationToken.None)));
    }

    public int SecondOf(long timestamp) => (int)Math.Floor(Stopwatch.GetElapsedTime(T0, timestamp).TotalSeconds);

    /// <summary>A community's board got a push of the case at <paramref name="now"/>: its first, and for `assigned` who took it.</summary>
    public void BoardPushed(string caseId, string type, string? assigneeId, long now)
    {
        var t = Cases.GetOrAdd(caseId, _ => new CaseTrack());
        if (Series is { } s)
        {
            Series.Add(s.BoardPushes, SecondOf(now));
        }
        Interlocked.CompareExchange(ref t.BoardFirst, now, 0);
        if (type == "assigned")
        {
            t.AssigneeId = assigneeId;
            Interlocked.CompareExchange(ref t.BoardAssigned, now, 0);
        }
    }

    /// <summary>A cadre's own connection got the `assigned` push of a case given to them.</summary>
    public void AssignedPushedToCadre(string caseId, long now)
    {
        var t = Cases.GetOrAdd(caseId, _ => new CaseTrack());
        if (Series is { } s)
        {
            Series.Add(s.CadrePushes, SecondOf(now));
        }
        Interlocked.CompareExchange(ref t.CadreAssigned, now, 0);
    }

    /// <summary>The event type of a `caseUpdated` message ("?" when it has none).</summary>
    public static string EventTypeOf(JsonElement caseUpdated) =>
        caseUpdated.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var tp) ? tp.GetString() ?? "?" : "?";

    /// <summary>The assignee a `caseUpdated` message names, if any.</summary>
    public static string? AssigneeOf(JsonElement caseUpdated) =>
        caseUpdated.TryGetProperty("assigneeId", out var a) ? a.GetString() : null;

    private async Task PostAsync(long due, bool track)
    {
        var i = Interlocked.Increment(ref _next) - 1;
        Interlocked.Increment(ref Sent);
        Interlocked.Increment(ref _inFlight);
        Series.Add(Series!.Offered, SecondOf(due));
        string? kind = null;
        try
        {
            using var content = new ByteArrayContent(_world.Submission(i, _runId));
            content.Headers.ContentType = new("application/json");
            using var response = await _http.PostAsync("/api/v1/cases", content);
            var body = await response.Content.ReadAsByteArrayAsync();
            var now = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref Accepted);
                Series.Add(Series.Accepted, SecondOf(now));
                lock (PostLatency)
                {
                    PostLatency.RecordValue(Stats.Micros(due, now));
                }
                if (track)
                {
                    using var doc = JsonDocument.Parse(body);
                    var caseId = doc.RootElement.GetProperty("caseId").GetString()!;
                    var t = Cases.GetOrAdd(caseId, _ => new CaseTrack());
                    t.Sent = due;
                    Volatile.Write(ref t.Answered, now);
                    if (OnAccepted is { } onAccepted && doc.RootElement.TryGetProperty("trackingToken", out var token))
                    {
                        onAccepted(caseId, token.GetString()!);
                    }
                }
            }
            else
            {
                kind = $"http {(int)response.StatusCode}";
            }
        }
        catch (TaskCanceledException)
        {
            kind = "timeout (30 s)";
        }
        catch (HttpRequestException e)
        {
            kind = $"connection: {e.HttpRequestError}";
        }
        catch (Exception e)
        {
            kind = e.GetType().Name;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
        if (kind is not null)
        {
            Interlocked.Increment(ref Failed);
            Series.Add(Series.Errors, SecondOf(Stopwatch.GetTimestamp()));
            ErrorsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }
    }

    public void Dispose() => _http.Dispose();
}
