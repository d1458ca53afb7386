using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Bench;

/// <summary>One submission of the chaos run: sent (and resent, same body and id) until a 202.</summary>
public sealed class ChaosSubmission
{
    public required long Index;
    public required string ClientRequestId;
    public required string CommunityId;
    public required byte[] Body;
    public double FirstSentAt;         // seconds since the run's start
    public double AcceptedAt = -1;     // the 202
    public int AcceptedBy = -1;        // gateway index of the 202
    public int Attempts;
    public string? CaseId;
    public string? Token;
    public string? GaveUp;             // why no 202 ever came (4xx, or gave up)
    public double DispatchedAt = -1;   // when the silo took it (its first event after `submitted`, server clock)
    public string? Status;
    public string? FinalStatus;        // the tracking link's status at the audit
}

/// <summary>A staff action that got a 2xx: the event it produced must stay in the case's timeline.</summary>
public sealed record ChaosAction(string CaseId, string Type, int Seq, double At, int Gateway);

/// <summary>A request that failed: a 503, a refused connection, a timeout, another status.</summary>
public sealed record ChaosFailure(double At, int Gateway, string Kind, bool Intake);

public sealed record ChaosKill(int Number, string Target, double At, double RestartedAt, double ListeningAt);

/// <summary>
/// Scenario chaos (issue 10): Azurite, 2 silos, 2 gateways as processes; submissions at a steady rate on alternating
/// gateways, retried with the same body and id until a 202; cadres acknowledging and resolving; a SIGKILL on a
/// schedule (silo 1, silo 2, gateway 1, gateway 2, Azurite, …), each restarted after a few seconds; then it waits for
/// recovery and audits every 202 and every 2xx staff action. Exit 3 when anything was lost or doubled.
/// </summary>
public sealed class Chaos : IDisposable
{
    private static readonly string[] Rotation = ["silo-1", "silo-2", "gateway-1", "gateway-2", "azurite"];

    private readonly Options _o;
    private readonly ChaosCluster _cluster;
    private readonly BenchWorld _world;
    private readonly HttpClient[] _http;
    private readonly long _t0 = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _t0Utc = DateTimeOffset.UtcNow;
    private readonly Dictionary<string, string> _dispatcherTokens = [];
    private readonly Dictionary<string, string> _cadreTokens = [];
    private readonly ConcurrentQueue<ChaosSubmission> _toAcknowledge = new();
    private readonly ConcurrentQueue<ChaosSubmission> _toResolve = new();
    private long _inFlight;
    private long _staffInFlight;

    public List<ChaosSubmission> Submissions { get; } = [];
    public ConcurrentBag<ChaosAction> Actions { get; } = [];
    public ConcurrentBag<ChaosFailure> Failures { get; } = [];
    public List<ChaosKill> Kills { get; } = [];
    public long StaffAttempts;

    public Chaos(Options o, ChaosCluster cluster, BenchWorld world)
    {
        _o = o;
        _cluster = cluster;
        _world = world;
        _http = cluster.Gateways.Select(g => new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 256,
            UseCookies = false,
        })
        { BaseAddress = g, Timeout = Timeout.InfiniteTimeSpan }).ToArray();
    }

    public double Now => Stopwatch.GetElapsedTime(_t0).TotalSeconds;

    private double Since(DateTimeOffset utc) => (utc - _t0Utc).TotalSeconds;

    public void Dispose()
    {
        foreach (var h in _http)
        {
            h.Dispose();
        }
    }

    public async Task PrepareTokensAsync(CancellationToken ct)
    {
        foreach (var community in _world.Communities)
        {
            _dispatcherTokens[community.Id] = await SystemUnderTest.TokenAsync(_http[0], "dispatcher", community.Id + "-dispatcher", community.Id, ct);
            foreach (var cadre in community.CadreIds)
            {
                // Half the tokens from the other gateway: they must work on both (one signing key).
                _cadreTokens[cadre] = await SystemUnderTest.TokenAsync(_http[_cadreTokens.Count % _http.Length], "cadre", cadre, community.Id, ct);
            }
        }
    }

    /// <summary>Load, staff actions and kills for <c>--seconds</c>; then the last submissions' retries finish.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var submit = SubmitLoopAsync(stop.Token);
        var staff = StaffLoopAsync(stop.Token);
        var tracker = TrackLoopAsync(stop.Token);
        var killer = KillLoopAsync(ct);
        var progress = ProgressLoopAsync(stop.Token);
        await submit;
        await killer;
        Console.WriteLine($"==> load over at {Now:F0} s; waiting for the retries still going ({Interlocked.Read(ref _inFlight)})");
        var deadline = Now + 300;
        while (Interlocked.Read(ref _inFlight) > 0 && Now < deadline)
        {
            await Task.Delay(250, ct);
        }
        _staffStopped = true;
        while (Interlocked.Read(ref _staffInFlight) > 0 && Now < deadline)
        {
            await Task.Delay(250, ct);
        }
        await RecoverAsync(ct);
        await stop.CancelAsync();
        await Task.WhenAll(staff, tracker, progress).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private volatile bool _staffStopped;

    private async Task ProgressLoopAsync(CancellationToken ct)
    {
        Console.WriteLine("==> chaos    t  sent  202  retrying  dispatched  staff-2xx  failures (503/refused/timeout)");
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(5000, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            ChaosSubmission[] subs;
            lock (Submissions)
            {
                subs = [.. Submissions];
            }
            var f = Failures.ToArray();
            Console.WriteLine($"         {Now,5:F0} {subs.Length,5} {subs.Count(s => s.AcceptedAt >= 0),4} {Interlocked.Read(ref _inFlight),9} {subs.Count(s => s.DispatchedAt >= 0),11} {Actions.Count,10}  " +
                $"{f.Count(x => x.Kind == "503")}/{f.Count(x => x.Kind == "refused")}/{f.Count(x => x.Kind == "timeout")}");
        }
    }

    // ---- submissions -------------------------------------------------------------------------------------------

    private async Task SubmitLoopAsync(CancellationToken ct)
    {
        var total = (long)(_o.Rate * _o.Seconds);
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = i / _o.Rate;
            if (due > Now)
            {
                await Task.Delay(TimeSpan.FromSeconds(due - Now), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            var s = new ChaosSubmission
            {
                Index = i,
                ClientRequestId = Guid.NewGuid().ToString(),
                CommunityId = _world.CommunityOf(i),
                Body = [],
                FirstSentAt = Now,
            };
            s.Body = _world.Submission(i, "chaos", s.ClientRequestId);
            lock (Submissions)
            {
                Submissions.Add(s);
            }
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(() => SubmitAsync(s, (int)(i % _http.Length)), CancellationToken.None);
        }
    }

    /// <summary>POSTs until a 202: same body, same clientRequestId; on 503, a refused connection or a timeout, on the other gateway.</summary>
    private async Task SubmitAsync(ChaosSubmission s, int gateway)
    {
        try
        {
            var giveUpAt = Now + 600;
            while (Now < giveUpAt)
            {
                s.Attempts++;
                string kind;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    using var content = new ByteArrayContent(s.Body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await _http[gateway].PostAsync("/api/v1/cases", content, timeout.Token);
                    var text = await response.Content.ReadAsStringAsync(timeout.Token);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var json = JsonNode.Parse(text)!;
                        s.CaseId = json["caseId"]!.GetValue<string>();
                        s.Token = json["trackingToken"]!.GetValue<string>();
                        s.AcceptedBy = gateway;
                        s.AcceptedAt = Now;
                        return;
                    }
                    kind = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                    {
                        Failures.Add(new(Now, gateway, kind, true));
                        s.GaveUp = $"HTTP {kind}: {text[..Math.Min(200, text.Length)]}";
                        return;
                    }
                }
                catch (OperationCanceledException)
                {
                    kind = "timeout";
                }
                catch (HttpRequestException e)
                {
                    kind = e.HttpRequestError == HttpRequestError.ConnectionError ? "refused" : "reset";
                }
                Failures.Add(new(Now, gateway, kind, true));
                gateway = (gateway + 1) % _http.Length;
                await Task.Delay(kind == "503" ? 500 : 200);
            }
            s.GaveUp = "no 202 within 600 s";
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    // ---- dispatch tracking ------------------------------------------------------------------------------------

    /// <summary>Polls each 202's tracking link until the case leaves `submitted`; notes when the silo took it (its own clock).</summary>
    private async Task TrackLoopAsync(CancellationToken ct)
    {
        var nextCheck = new Dictionary<ChaosSubmission, double>();
        while (!ct.IsCancellationRequested)
        {
            ChaosSubmission[] due;
            lock (Submissions)
            {
                due = [.. Submissions.Where(s => s.AcceptedAt >= 0 && s.DispatchedAt < 0 && Now >= nextCheck.GetValueOrDefault(s, s.AcceptedAt + 1))];
            }
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (s, c) =>
            {
                var dispatched = await CheckDispatchedAsync(s, c);
                if (!dispatched)
                {
                    lock (nextCheck)
                    {
                        nextCheck[s] = Now + 3;
                    }
                }
            }).ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.Delay(1000, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<bool> CheckDispatchedAsync(ChaosSubmission s, CancellationToken ct)
    {
        var json = await GetAsync($"/api/v1/track/{s.Token}", null, (int)(s.Index % _http.Length), ct);
        if (json is null)
        {
            return false;
        }
        s.Status = json["status"]?.GetValue<string>();
        if (s.Status is null or "submitted")
        {
            return false;
        }
        var taken = json["timeline"]!.AsArray().Select(e => e!).FirstOrDefault(e => e["type"]!.GetValue<string>() != "submitted");
        s.DispatchedAt = taken is null ? Now : Since(taken["at"]!.GetValue<DateTimeOffset>());
        _toAcknowledge.Enqueue(s);
        return true;
    }

    /// <summary>A GET on one gateway, else the other; null when neither answered 200.</summary>
    private async Task<JsonNode?> GetAsync(string path, string? bearer, int gateway, CancellationToken ct)
    {
        for (var attempt = 0; attempt < _http.Length; attempt++, gateway = (gateway + 1) % _http.Length)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (bearer is not null)
                {
                    request.Headers.Authorization = new("Bearer", bearer);
                }
                using var response = await _http[gateway].SendAsync(request, timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
                }
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
            }
        }
        return null;
    }

    // ---- staff ------------------------------------------------------------------------------------------------

    /// <summary>At --staff-rate actions a second: the assignee resolves a case they acknowledged (马上办), else acknowledges the next new one.</summary>
    private async Task StaffLoopAsync(CancellationToken ct)
    {
        var period = 1 / _o.StaffRate;
        var n = 0L;
        while (!ct.IsCancellationRequested && !_staffStopped)
        {
            var due = n++ * period;
            if (due > Now)
            {
                await Task.Delay(TimeSpan.FromSeconds(due - Now), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            if (_staffStopped || Interlocked.Read(ref _staffInFlight) >= 16)
            {
                continue;
            }
            ChaosSubmission? s;
            string action;
            if (_toResolve.TryDequeue(out s))
            {
                action = "resolve";
            }
            else if (_toAcknowledge.TryDequeue(out s))
            {
                action = "acknowledge";
            }
            else
            {
                continue;
            }
            Interlocked.Increment(ref _staffInFlight);
            var gateway = (int)(n % _http.Length);
            _ = Task.Run(async () =>
            {
                try
                {
                    await StaffActAsync(s, action, gateway, ct);
                }
                finally
                {
                    Interlocked.Decrement(ref _staffInFlight);
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Reads the case as the dispatcher, then the assignee acts with expectedSeq = the latest seq. A 2xx is recorded with the event it made.</summary>
    private async Task StaffActAsync(ChaosSubmission s, string action, int gateway, CancellationToken ct)
    {
        var view = await GetAsync($"/api/v1/cases/{s.CaseId}", _dispatcherTokens[s.CommunityId], gateway, ct);
        if (view is null)
        {
            Requeue(s, action);
            return;
        }
        var status = view["status"]!.GetValue<string>();
        var assignee = view["assigneeId"]?.GetValue<string>();
        var mode = view["mode"]?.GetValue<string>();
        var lastSeq = view["timeline"]!.AsArray().Max(e => e!["seq"]!.GetValue<int>());
        if (assignee is null || !_cadreTokens.TryGetValue(assignee, out var token))
        {
            return;
        }
        if (action == "acknowledge" && status != "assigned")
        {
            if (status == "acknowledged" && mode == "doItNow")
            {
                _toResolve.Enqueue(s); // acknowledged already (a timed-out acknowledge went through): go on
            }
            return;
        }
        if (action == "resolve" && status != "acknowledged")
        {
            return;
        }
        Interlocked.Increment(ref StaffAttempts);
        object body = action == "resolve" ? new { note = "Done (chaos run).", expectedSeq = lastSeq } : new { expectedSeq = lastSeq };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{s.CaseId}/{action}")
            {
                Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await _http[gateway].SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                var type = action == "resolve" ? "resolved" : "acknowledged";
                var made = JsonNode.Parse(text)!["timeline"]!.AsArray().Select(e => e!).Where(e => e["type"]!.GetValue<string>() == type).MaxBy(e => e["seq"]!.GetValue<int>());
                Actions.Add(new(s.CaseId!, type, made?["seq"]!.GetValue<int>() ?? -1, Now, gateway));
                if (action == "acknowledge" && mode == "doItNow")
                {
                    _toResolve.Enqueue(s);
                }
                return;
            }
            Failures.Add(new(Now, gateway, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), false));
            if ((int)response.StatusCode >= 500)
            {
                Requeue(s, action);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            Failures.Add(new(Now, gateway, e is OperationCanceledException ? "timeout" : "refused", false));
            Requeue(s, action);
        }
    }

    private void Requeue(ChaosSubmission s, string action)
    {
        if (!_staffStopped)
        {
            (action == "resolve" ? _toResolve : _toAcknowledge).Enqueue(s);
        }
    }

    // ---- kills ------------------------------------------------------------------------------------------------

    /// <summary>Every --kill-every seconds the next target in the rotation gets SIGKILL and is restarted --down seconds later.</summary>
    private async Task KillLoopAsync(CancellationToken ct)
    {
        var targets = _o.ChaosTargets.Length > 0 ? _o.ChaosTargets : Rotation;
        for (var k = 1; ; k++)
        {
            var at = k * (double)_o.KillEvery;
            if (at + _o.DownSeconds >= _o.Seconds)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, at - Now)), ct);
            var target = targets[(k - 1) % targets.Length];
            var killedAt = Now;
            await _cluster.KillAsync(target);
            Console.WriteLine($"==> {killedAt,5:F0} s  kill #{k}: SIGKILL {target}");
            await Task.Delay(TimeSpan.FromSeconds(_o.DownSeconds), ct);
            var restartedAt = Now;
            await _cluster.StartAsync(target, ct);
            Console.WriteLine($"==> {Now,5:F0} s  {target} restarted, listening after {Now - restartedAt:F1} s");
            Kills.Add(new(k, target, killedAt, restartedAt, Now));
        }
    }

    // ---- recovery and audit -----------------------------------------------------------------------------------

    public double RecoveredAt { get; private set; } = -1;

    /// <summary>Waits (at most --recovery seconds) until every 202 left `submitted`.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        Console.WriteLine($"==> waiting up to {_o.RecoverySeconds} s for every 202 to be dispatched");
        var deadline = Now + _o.RecoverySeconds;
        while (Now < deadline)
        {
            ChaosSubmission[] pending;
            lock (Submissions)
            {
                pending = [.. Submissions.Where(s => s.AcceptedAt >= 0 && s.DispatchedAt < 0)];
            }
            if (pending.Length == 0)
            {
                break;
            }
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (s, c) => await CheckDispatchedAsync(s, c));
            if (pending.All(s => s.DispatchedAt >= 0))
            {
                break;
            }
            Console.WriteLine($"    {Now,5:F0} s: {pending.Count(s => s.DispatchedAt < 0)} cases still `submitted`");
            await Task.Delay(5000, ct);
        }
        lock (Submissions)
        {
            var accepted = Submissions.Where(s => s.AcceptedAt >= 0).ToList();
            if (accepted.All(s => s.DispatchedAt >= 0) && accepted.Count > 0)
            {
                RecoveredAt = accepted.Max(s => s.DispatchedAt);
            }
        }
    }

    public async Task<ChaosAudit> AuditAsync(CancellationToken ct)
    {
        Console.WriteLine("==> audit: every 202 (tracking link and the full case), the open lists, every 2xx staff action, the poison queue");
        var accepted = Submissions.Where(s => s.AcceptedAt >= 0).ToList();
        var audit = new ChaosAudit();
        var timelines = new ConcurrentDictionary<string, JsonArray>();
        await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (s, c) =>
        {
            // Read again: after the final rolling restart this is what storage kept, not a silo's memory.
            var track = await GetAsync($"/api/v1/track/{s.Token}", null, (int)(s.Index % _http.Length), c);
            s.FinalStatus = track?["status"]?.GetValue<string>();
            var full = await GetAsync($"/api/v1/cases/{s.CaseId}", _dispatcherTokens[s.CommunityId], (int)(s.Index % _http.Length), c);
            if (full?["timeline"] is JsonArray timeline)
            {
                timelines[s.CaseId!] = timeline;
            }
        });
        foreach (var s in accepted)
        {
            if (s.FinalStatus is null or "submitted")
            {
                audit.Lost.Add(s);
            }
            if (timelines.TryGetValue(s.CaseId!, out var timeline))
            {
                var submitted = timeline.Count(e => e!["type"]!.GetValue<string>() == "submitted");
                if (submitted > 1)
                {
                    audit.DoubledTimeline.Add((s, submitted));
                }
            }
            else
            {
                audit.NoFullCase.Add(s);
            }
        }

        // The community's open list (no case is closed in the run: nobody rates): each case exactly once.
        foreach (var community in _world.Communities)
        {
            var list = await GetAsync($"/api/v1/communities/{community.Id}/cases", _dispatcherTokens[community.Id], 0, ct);
            if (list is not JsonArray cases)
            {
                audit.ListsUnread.Add(community.Id);
                continue;
            }
            var counts = cases.GroupBy(c => c!["caseId"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
            foreach (var s in accepted.Where(s => s.CommunityId == community.Id && s.FinalStatus is not (null or "submitted")))
            {
                var n = counts.GetValueOrDefault(s.CaseId!);
                if (n == 0)
                {
                    audit.MissingFromList.Add(s);
                }
                else if (n > 1)
                {
                    audit.DoubledInList.Add((s, n));
                }
            }
        }

        foreach (var a in Actions)
        {
            if (!timelines.TryGetValue(a.CaseId, out var timeline) ||
                !timeline.Any(e => e!["seq"]!.GetValue<int>() == a.Seq && e["type"]!.GetValue<string>() == a.Type))
            {
                audit.MissingActions.Add(a);
            }
        }

        (audit.PoisonCount, audit.PoisonCases) = await ReadQueueAsync("intake-poison", ct);
        foreach (var queue in IntakeAudit.IntakeQueues)
        {
            audit.IntakeLeft += (await ReadQueueAsync(queue, ct, peekOnly: true)).Count;
        }
        return audit;
    }

    /// <summary>The messages in a queue and the case ids they hold (poison: read, hidden for an hour, not deleted).</summary>
    private async Task<(long Count, HashSet<string> CaseIds)> ReadQueueAsync(string name, CancellationToken ct, bool peekOnly = false)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var queue = new Azure.Storage.Queues.QueueClient(_cluster.ConnectionString, name);
            if (!(await queue.ExistsAsync(ct)).Value)
            {
                return (0, ids);
            }
            var count = (long)(await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            if (peekOnly)
            {
                return (count, ids);
            }
            while (true)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromHours(1), ct)).Value;
                if (batch.Length == 0)
                {
                    break;
                }
                foreach (var m in batch)
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(m.Body.ToMemory());
                        if (doc.RootElement.TryGetProperty("submissions", out var subs))
                        {
                            foreach (var s in subs.EnumerateArray())
                            {
                                ids.Add(s.GetProperty("caseId").GetString()!);
                            }
                        }
                    }
                    catch (JsonException)
                    {
                    }
                }
            }
            return (count, ids);
        }
        catch (Azure.RequestFailedException e)
        {
            Console.WriteLine($"    (could not read queue {name}: {e.Message.Split('\n')[0]})");
            return (-1, ids);
        }
    }
}

public sealed class ChaosAudit
{
    public List<ChaosSubmission> Lost { get; } = [];
    public List<(ChaosSubmission S, int Count)> DoubledTimeline { get; } = [];
    public List<(ChaosSubmission S, int Count)> DoubledInList { get; } = [];
    public List<ChaosSubmission> MissingFromList { get; } = [];
    public List<ChaosSubmission> NoFullCase { get; } = [];
    public List<string> ListsUnread { get; } = [];
    public List<ChaosAction> MissingActions { get; } = [];
    public long PoisonCount { get; set; }
    public HashSet<string> PoisonCases { get; set; } = [];
    public long IntakeLeft { get; set; }

    public int Doubled => DoubledTimeline.Select(d => d.S).Concat(DoubledInList.Select(d => d.S)).Distinct().Count();
}
