using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Gongzhi.Bench;

/// <summary>
/// Reads a .NET process's runtime figures from outside, as dotnet-counters does: an EventPipe session on
/// the System.Diagnostics.Metrics event source (the System.Runtime and Orleans meters, refreshed every
/// second), and on demand a blocking gen2 GC induced the way dotnet-gcdump does (the GCHeapCollect keyword),
/// with the heap size the GC reports after it. RSS comes from /proc.
/// </summary>
public sealed class SiloCounters : IAsyncDisposable
{
    public const string Runtime = "System.Runtime";
    public const string Orleans = "Microsoft.Orleans";

    private readonly int _pid;
    private readonly ConcurrentDictionary<string, double> _values = new();
    private readonly EventPipeSession _session;
    private readonly Task _reader;

    /// <summary>Starts listening to <paramref name="meters"/> of process <paramref name="pid"/>; values arrive after the first refresh.</summary>
    public SiloCounters(int pid, params string[] meters)
    {
        _pid = pid;
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = Guid.NewGuid().ToString(),
            ["Metrics"] = string.Join(',', meters.Length == 0 ? [Runtime, Orleans] : meters),
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "1000",
            ["MaxHistograms"] = "10",
        };
        // Keywords: 0x1 messages (errors), 0x2 time-series values.
        var provider = new EventPipeProvider("System.Diagnostics.Metrics", EventLevel.Informational, 0x3, arguments);
        _session = new DiagnosticsClient(pid).StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 16);
        _reader = Task.Factory.StartNew(() =>
        {
            using var source = new EventPipeEventSource(_session.EventStream);
            source.Dynamic.All += OnMetric;
            try
            {
                source.Process();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException)
            {
            }
        }, TaskCreationOptions.LongRunning);
    }

    /// <summary>The latest value of an instrument, summed over its tags (e.g. the heap size of every generation); NaN when not seen.</summary>
    public double Get(string meter, string instrument)
    {
        var prefix = meter + "/" + instrument + "/";
        double sum = 0;
        var seen = false;
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                sum += value;
                seen = true;
            }
        }
        return seen ? sum : double.NaN;
    }

    /// <summary>Every instrument seen, with its latest value per tag set: for the report's appendix and for debugging.</summary>
    public IReadOnlyDictionary<string, double> All => new SortedDictionary<string, double>(_values, StringComparer.Ordinal);

    /// <summary>Resident set size of the process, MB, from /proc.</summary>
    public double RssMb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>What the last induced gen2 GC found alive (bytes promoted); the heap it reports also holds free space between live objects.</summary>
    public static double LastLiveBytes { get; private set; } = double.NaN;

    /// <summary>
    /// Induces a full blocking GC in the process (as dotnet-gcdump does: enabling the runtime's GCHeapCollect keyword)
    /// and returns the managed heap size after it, in bytes (all generations, LOH and POH), or NaN if no GC was seen in time.
    /// </summary>
    public static async Task<double> InduceGen2Async(int pid, TimeSpan limit)
    {
        const long gcKeyword = 0x1, gcHeapCollectKeyword = 0x800000;
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gcKeyword | gcHeapCollectKeyword);
        using var session = new DiagnosticsClient(pid).StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 64);
        var heap = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inducedGen2 = false;
        var reader = Task.Factory.StartNew(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            source.Clr.GCStart += e => inducedGen2 |= e.Depth == 2 && e.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced;
            source.Clr.GCHeapStats += e =>
            {
                if (inducedGen2)
                {
                    LastLiveBytes = e.TotalPromoted;
                    heap.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
                }
            };
            try
            {
                source.Process();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException)
            {
            }
        }, TaskCreationOptions.LongRunning);
        double result;
        try
        {
            result = await heap.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            result = double.NaN;
        }
        await session.StopAsync(CancellationToken.None);
        await reader.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        return result;
    }

    private void OnMetric(TraceEvent e)
    {
        var field = e.EventName switch
        {
            "GaugeValuePublished" => "lastValue",
            "CounterRateValuePublished" or "UpDownCounterRateValuePublished" => "value",
            _ => null,
        };
        if (field is null || e.PayloadByName("meterName") is not string meter || e.PayloadByName("instrumentName") is not string instrument)
        {
            return;
        }
        // Observable counters report their running total in `value`; older runtimes only send `rate`.
        var raw = e.PayloadByName(field) as string ?? e.PayloadByName("rate") as string;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            _values[$"{meter}/{instrument}/{e.PayloadByName("tags") as string}"] = v;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException or ObjectDisposedException)
        {
        }
        await _reader.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _session.Dispose();
    }
}
