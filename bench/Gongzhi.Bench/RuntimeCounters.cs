using System.Diagnostics;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace Gongzhi.Bench;

/// <summary>
/// The System.Runtime counters of another .NET process (managed heap after the last GC, committed memory,
/// working set, GCs), read from outside with dotnet-counters (the repository's local tool:
/// `dotnet tool restore`), which writes one CSV line per counter per second; this tails that file.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _file;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);
    private string _currentStamp = "";
    private long _offset;
    private string _partial = "";

    /// <summary>One second of the target's counters; bytes, and GCs per second.</summary>
    public sealed record Sample(long At, double HeapBytes, double CommittedBytes, double WorkingSetBytes, double Gen0, double Gen1, double Gen2,
        IReadOnlyDictionary<string, double> Values)
    {
        /// <summary>The value of the first counter whose name (with its [dimensions]) starts with <paramref name="prefix"/> and contains <paramref name="part"/>.</summary>
        public double Get(string prefix, string part = "") =>
            Values.FirstOrDefault(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Key.Contains(part, StringComparison.Ordinal)) is { Key: not null } kv ? kv.Value : double.NaN;
    }

    private RuntimeCounters(Process process, string file)
    {
        _process = process;
        _file = file;
        _loop = Task.Run(LoopAsync);
    }

    public List<Sample> Samples { get; } = [];

    public Sample? Latest { get { lock (Samples) { return Samples.Count > 0 ? Samples[^1] : null; } } }

    /// <summary>Starts dotnet-counters against <paramref name="pid"/>, writing to <paramref name="csv"/>; null when the tool is missing.</summary>
    /// <param name="extraProviders">Meters or EventSources to read beside System.Runtime, comma-separated (e.g. "Gongzhi.Gateway").</param>
    public static RuntimeCounters? Start(string repoRoot, int pid, string csv, string? extraProviders = null)
    {
        var providers = extraProviders is { Length: > 0 } ? "System.Runtime," + extraProviders : "System.Runtime";
        var psi = new ProcessStartInfo("dotnet", ["dotnet-counters", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--counters", providers,
            "--format", "csv", "-o", csv, "--refresh-interval", "1"])
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        try
        {
            var p = Process.Start(psi)!;
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return new RuntimeCounters(p, csv);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"    (no runtime counters: {e.Message})");
            return null;
        }
    }

    /// <summary>Waits until the first full second of counters has been read (or the limit passes).</summary>
    public async Task<bool> WaitForFirstAsync(TimeSpan limit, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Latest is null && Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            await Task.Delay(200, ct);
        }
        return Latest is not null;
    }

    /// <summary>
    /// Has the target run a full blocking GC (as dotnet-gcdump does: an EventPipe session asking for the GC
    /// heap-collect keyword), then waits for the counters to show a second after it; so a heap figure means
    /// live objects, not garbage that gen2 has not collected yet.
    /// </summary>
    public async Task<bool> CollectAsync(int pid, CancellationToken ct)
    {
        const long gcKeyword = 0x1, gcHeapCollectKeyword = 0x800000;
        try
        {
            var client = new DiagnosticsClient(pid);
            using var session = await client.StartEventPipeSessionAsync(
                [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", System.Diagnostics.Tracing.EventLevel.Informational, gcKeyword | gcHeapCollectKeyword)],
                requestRundown: false, circularBufferMB: 16, ct);
            var drain = session.EventStream.CopyToAsync(Stream.Null, ct);
            await Task.Delay(1500, ct);
            await session.StopAsync(ct);
            await drain.WaitAsync(TimeSpan.FromSeconds(5), ct);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException or ServerErrorException)
        {
            Console.WriteLine($"    (could not induce a GC in {pid}: {e.Message})");
            return false;
        }
        var after = Stopwatch.GetTimestamp();
        var deadline = after + 5 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline && Between(after + Stopwatch.Frequency, long.MaxValue).Count == 0)
        {
            await Task.Delay(200, ct);
        }
        return true;
    }

    /// <summary>Samples read between two Stopwatch timestamps.</summary>
    public IReadOnlyList<Sample> Between(long from, long to)
    {
        lock (Samples)
        {
            return Samples.Where(s => s.At >= from && s.At < to).ToList();
        }
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                ReadNew();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ReadNew()
    {
        if (!File.Exists(_file))
        {
            return;
        }
        using var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= _offset)
        {
            return;
        }
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = _partial + reader.ReadToEnd();
        _offset = stream.Length;
        var lines = text.Split('\n');
        _partial = lines[^1];
        foreach (var line in lines[..^1])
        {
            Take(line.TrimEnd('\r'));
        }
    }

    // "11/27/2026 06:31:18,System.Runtime,dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=gen0],Metric,197208"
    private void Take(string line)
    {
        var parts = line.Split(',');
        if (parts.Length < 5 || !double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }
        var stamp = parts[0];
        if (stamp != _currentStamp)
        {
            Flush();
            _currentStamp = stamp;
        }
        // Counter names may hold commas only inside the [dimensions]; the name is everything between provider and type.
        var name = string.Join(',', parts[2..^2]);
        _current[name] = value;
    }

    private void Flush()
    {
        if (_current.Count == 0)
        {
            return;
        }
        double Sum(string prefix) => _current.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        double One(string prefix) => _current.FirstOrDefault(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
        double Gen(string g) => _current.FirstOrDefault(kv => kv.Key.StartsWith("dotnet.gc.collections", StringComparison.Ordinal) && kv.Key.Contains($"={g}]", StringComparison.Ordinal)).Value;
        var heap = Sum("dotnet.gc.last_collection.heap.size");
        if (heap > 0)
        {
            var sample = new Sample(Stopwatch.GetTimestamp(), heap, One("dotnet.gc.last_collection.memory.committed_size"), One("dotnet.process.memory.working_set"), Gen("gen0"), Gen("gen1"), Gen("gen2"),
                new Dictionary<string, double>(_current, StringComparer.Ordinal));
            lock (Samples)
            {
                Samples.Add(sample);
            }
        }
        _current.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        ReadNew();
        _stop.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }
        _process.Dispose();
    }
}
