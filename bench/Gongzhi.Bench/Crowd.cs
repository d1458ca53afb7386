using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Gongzhi.Bench;

public enum ListenerKind { Board, Cadre, Resident }

/// <summary>One connection to open: a board (dispatcher token, WatchCommunity), a cadre (own group on connect) or a resident (WatchCase by tracking token).</summary>
public sealed record CrowdJob(ListenerKind Kind, string Subject, string Scope, string? TrackingToken = null)
{
    /// <summary>Every community's boards (dispatcher accounts <c>{community}-dispatcher</c>, then <c>-2</c>, <c>-3</c> …).</summary>
    public static List<CrowdJob> Boards(BenchWorld world, int perCommunity = 1) =>
    [
        .. world.Communities.SelectMany(c => Enumerable.Range(1, perCommunity)
            .Select(b => new CrowdJob(ListenerKind.Board, $"{c.Id}-dispatcher" + (b > 1 ? $"-{b}" : ""), c.Id))),
    ];

    /// <summary>Every cadre of every community, on their own phone.</summary>
    public static List<CrowdJob> Cadres(BenchWorld world) =>
        [.. world.Communities.SelectMany(c => c.CadreIds.Select(k => new CrowdJob(ListenerKind.Cadre, k, c.Id)))];
}

/// <summary>How one batch of connections went.</summary>
public sealed record ConnectPhase(string Name, int Asked, int Connected, IReadOnlyDictionary<string, long> Failures, double Seconds, Percentiles Latency);

/// <summary>
/// The bench's SignalR listeners: every community's board and every cadre (s1, s2, smoke), and in s3 thousands of
/// residents too, each a <see cref="HubSocket"/> on one shared HTTP handler. Timestamps every push, both from the POST
/// (through <see cref="Driver"/>) and from the event's own time (the gateway's share), and in s3 keeps residents coming
/// and going during the load (churn).
/// </summary>
public sealed class Crowd : IPushListeners, IAsyncDisposable
{
    private readonly Uri _hub;
    private readonly SocketsHttpHandler _handler;
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpClient _http;
    // Each open connection with its kind and its ping slot (fixed at connect: a slot by position in the
    // dictionary would shift as residents come and go, and some connections would go unpinged past the server's 30 s).
    private readonly ConcurrentDictionary<HubSocket, (ListenerKind Kind, int Slot)> _open = new();
    private int _opened;
    private readonly ConcurrentQueue<HubSocket> _oldResidents = new();
    private readonly SemaphoreSlim _churnGate = new(64);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pings;
    private readonly List<Task> _churning = [];

    public Crowd(Uri baseAddress, Driver driver)
    {
        _hub = new Uri(baseAddress, "/hubs/dispatch");
        _handler = new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.None, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) };
        _invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
        _http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Driver = driver;
        _pings = Task.Run(PingLoopAsync);
    }

    /// <summary>Whose cases the pushes are matched to (the prefill's driver first, then the measured load's).</summary>
    public Driver Driver { get; set; }

    public long BoardPushes;
    public long CadrePushes;
    public long ResidentPushes;
    public long Dropped;
    public long ResidentOutOfOrder;
    public long ResidentGaps;
    public long ChurnConnected;
    public long ChurnFailed;
    public long ChurnClosed;

    public ConcurrentDictionary<string, long> EventTypes { get; } = new();

    public ConcurrentDictionary<string, long> ChurnFailures { get; } = new();

    /// <summary>Residents who connected right after their 202 (churn), by case id.</summary>
    public ConcurrentDictionary<string, ResidentWatch> Watched { get; } = new();

    public HdrHistogram.LongHistogram EventToBoard { get; } = Stats.NewHistogram();
    public HdrHistogram.LongHistogram EventToCadre { get; } = Stats.NewHistogram();
    public HdrHistogram.LongHistogram EventToResident { get; } = Stats.NewHistogram();
    public HdrHistogram.LongHistogram AnswerToWatching { get; } = Stats.NewHistogram();

    public int Count => _open.Count;

    public int CountOf(ListenerKind kind) => _open.Values.Count(k => k.Kind == kind);

    public long BoardPushCount => Interlocked.Read(ref BoardPushes);

    public long CadrePushCount => Interlocked.Read(ref CadrePushes);

    public long DroppedCount => Interlocked.Read(ref Dropped);

    /// <summary>What one churn resident saw of their own case. Stopwatch timestamps; 0 = not seen.</summary>
    public sealed class ResidentWatch
    {
        public long Joined;
        public long First;
        public long Assigned;
        public int LastSeq;
    }

    /// <summary>Opens every job's connection, at most <paramref name="concurrency"/> at a time, printing progress.</summary>
    public async Task<ConnectPhase> ConnectAllAsync(string name, IReadOnlyList<CrowdJob> jobs, int concurrency, CancellationToken ct)
    {
        var failures = new ConcurrentDictionary<string, long>();
        var latency = Stats.NewHistogram();
        var connected = 0;
        var start = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(concurrency);
        using var progressStop = new CancellationTokenSource();
        var progress = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
            while (await timer.WaitForNextTickAsync(progressStop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
            {
                Console.WriteLine($"    {name}: {Volatile.Read(ref connected)} / {jobs.Count} connected, {failures.Values.Sum()} failed, {Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s; open in all {Count}");
            }
        }, CancellationToken.None);
        await Task.WhenAll(jobs.Select(async job =>
        {
            await gate.WaitAsync(ct);
            var began = Stopwatch.GetTimestamp();
            try
            {
                var socket = await OpenAsync(job, ct);
                if (job.Kind == ListenerKind.Resident)
                {
                    _oldResidents.Enqueue(socket);
                }
                Interlocked.Increment(ref connected);
                lock (latency)
                {
                    latency.RecordValue(Stats.Micros(began, Stopwatch.GetTimestamp()));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures.AddOrUpdate(Kind(e), 1, (_, n) => n + 1);
            }
            finally
            {
                gate.Release();
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await progressStop.CancelAsync();
        await progress;
        return new ConnectPhase(name, jobs.Count, connected, failures.ToDictionary(), seconds, Stats.Of(latency));
    }

    /// <summary>A resident whose case was just accepted connects to watch it; an older resident leaves, so the count holds.</summary>
    public void Churn(string caseId, string trackingToken)
    {
        var answered = Stopwatch.GetTimestamp();
        var task = Task.Run(async () =>
        {
            await _churnGate.WaitAsync(_stop.Token);
            try
            {
                var watch = Watched.GetOrAdd(caseId, _ => new ResidentWatch());
                await OpenAsync(new CrowdJob(ListenerKind.Resident, caseId, caseId, trackingToken), _stop.Token);
                var now = Stopwatch.GetTimestamp();
                Interlocked.CompareExchange(ref watch.Joined, now, 0);
                lock (AnswerToWatching)
                {
                    AnswerToWatching.RecordValue(Stats.Micros(answered, now));
                }
                Interlocked.Increment(ref ChurnConnected);
                if (_oldResidents.TryDequeue(out var old))
                {
                    _open.TryRemove(old, out _);
                    await old.DisposeAsync();
                    Interlocked.Increment(ref ChurnClosed);
                }
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref ChurnFailed);
                ChurnFailures.AddOrUpdate(Kind(e), 1, (_, n) => n + 1);
            }
            finally
            {
                _churnGate.Release();
            }
        });
        lock (_churning)
        {
            _churning.RemoveAll(t => t.IsCompleted);
            _churning.Add(task);
        }
    }

    private async Task<HubSocket> OpenAsync(CrowdJob job, CancellationToken ct)
    {
        string? token = job.Kind == ListenerKind.Resident
            ? null
            : await SystemUnderTest.TokenAsync(_http, job.Kind == ListenerKind.Board ? "dispatcher" : "cadre", job.Subject, job.Scope, ct);
        var state = job.Kind == ListenerKind.Resident ? Watched.GetValueOrDefault(job.Subject) : null;
        var socket = await HubSocket.ConnectAsync(_hub, token, _invoker, m => OnCaseUpdated(m, job.Kind, job.Subject, state), OnDropped, ct);
        try
        {
            switch (job.Kind)
            {
                case ListenerKind.Board:
                    await socket.InvokeAsync("WatchCommunity", job.Scope, ct);
                    break;
                case ListenerKind.Resident:
                    await socket.InvokeAsync("WatchCase", job.TrackingToken!, ct);
                    break;
            }
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
        _open[socket] = (job.Kind, Interlocked.Increment(ref _opened) % PingSlots);
        return socket;
    }

    private void OnDropped(HubSocket socket, string reason)
    {
        if (_open.TryRemove(socket, out var entry))
        {
            Interlocked.Increment(ref Dropped);
            var second = Driver.Series is null ? "before the load" : $"load s {Driver.SecondOf(Stopwatch.GetTimestamp()) / 10 * 10}+";
            DropReasons.AddOrUpdate($"{entry.Kind}, {second}: {reason}", 1, (_, n) => n + 1);
        }
    }

    /// <summary>Why and when connections were dropped: kind, ten-second window, reason.</summary>
    public ConcurrentDictionary<string, long> DropReasons { get; } = new();

    private void OnCaseUpdated(JsonElement m, ListenerKind kind, string subject, ResidentWatch? watch)
    {
        var now = Stopwatch.GetTimestamp();
        var wall = DateTimeOffset.UtcNow;
        var caseId = m.GetProperty("caseId").GetString()!;
        var type = Driver.EventTypeOf(m);
        var seq = m.TryGetProperty("seq", out var sq) ? sq.GetInt32() : 0;
        // Only `assigned`, the last of the submitted/accepted/assigned burst: earlier ones also carry the grain chain's time.
        var eventLag = type == "assigned" && m.TryGetProperty("at", out var at) && at.TryGetDateTimeOffset(out var eventAt) ? Math.Max(1, (long)(wall - eventAt).TotalMicroseconds) : 0;
        EventTypes.AddOrUpdate(kind.ToString().ToLowerInvariant() + " " + type, 1, (_, n) => n + 1);
        var driver = Driver;
        switch (kind)
        {
            case ListenerKind.Board:
                Interlocked.Increment(ref BoardPushes);
                Record(EventToBoard, eventLag);
                driver.BoardPushed(caseId, type, Driver.AssigneeOf(m), now);
                break;
            case ListenerKind.Cadre:
                Interlocked.Increment(ref CadrePushes);
                Record(EventToCadre, eventLag);
                if (type == "assigned" && Driver.AssigneeOf(m) == subject)
                {
                    driver.AssignedPushedToCadre(caseId, now);
                }
                break;
            case ListenerKind.Resident:
                Interlocked.Increment(ref ResidentPushes);
                Record(EventToResident, eventLag);
                if (watch is not null && caseId == subject)
                {
                    lock (watch)
                    {
                        if (watch.LastSeq > 0 && seq <= watch.LastSeq)
                        {
                            Interlocked.Increment(ref ResidentOutOfOrder);
                        }
                        else if (watch.LastSeq > 0 && seq > watch.LastSeq + 1)
                        {
                            Interlocked.Increment(ref ResidentGaps);
                        }
                        watch.LastSeq = Math.Max(watch.LastSeq, seq);
                    }
                    Interlocked.CompareExchange(ref watch.First, now, 0);
                    if (type == "assigned")
                    {
                        Interlocked.CompareExchange(ref watch.Assigned, now, 0);
                    }
                }
                break;
        }
    }

    private static void Record(HdrHistogram.LongHistogram h, long micros)
    {
        if (micros <= 0)
        {
            return;
        }
        lock (h)
        {
            h.RecordValue(Math.Min(micros, 3_600_000_000L));
        }
    }

    private static string Kind(Exception e) => e switch
    {
        HttpRequestException h => $"http: {h.HttpRequestError} {(int?)h.StatusCode}",
        System.Net.WebSockets.WebSocketException w => $"websocket: {w.WebSocketErrorCode}",
        TimeoutException => "timeout (30 s)",
        OperationCanceledException => "timeout",
        InvalidOperationException i => $"hub: {i.Message.Split('\n')[0]}",
        _ => e.GetType().Name,
    };

    private const int PingSlots = 10;

    // The server drops a client it has not heard from for 30 s: every connection pings every 10 s, a tenth of them each second.
    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var slot = tick++ % PingSlots;
                foreach (var (socket, entry) in _open)
                {
                    if (entry.Slot == slot)
                    {
                        _ = PingOne(socket); // not awaited: one slow socket must not delay the others' pings
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        async Task PingOne(HubSocket socket)
        {
            try
            {
                await socket.PingAsync(_stop.Token);
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pings;
        Task[] churning;
        lock (_churning)
        {
            churning = [.. _churning];
        }
        await Task.WhenAll(churning.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var all = _open.Keys.ToArray();
        _open.Clear();
        using var gate = new SemaphoreSlim(256);
        await Task.WhenAll(all.Select(async s =>
        {
            await gate.WaitAsync();
            try
            {
                await s.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        _http.Dispose();
        _invoker.Dispose();
        _handler.Dispose();
        _stop.Dispose();
        _churnGate.Dispose();
    }
}
