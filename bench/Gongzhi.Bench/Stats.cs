using System.Diagnostics;
using System.Globalization;
using HdrHistogram;

namespace Gongzhi.Bench;

public sealed record Percentiles(long Count, double P50, double P90, double P99, double P999, double Max)
{
    public static readonly Percentiles Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The Markdown head of a table of <see cref="Row"/>s.</summary>
    public const string TableHead = "| path | count | p50 | p90 | p99 | p99.9 | max |\n| --- | --- | --- | --- | --- | --- | --- |";

    public string Row(string name) => Count == 0
        ? $"| {name} | 0 | – | – | – | – | – |"
        : $"| {name} | {Count} | {Stats.Ms(P50)} | {Stats.Ms(P90)} | {Stats.Ms(P99)} | {Stats.Ms(P999)} | {Stats.Ms(Max)} |";
}

public static class Stats
{
    /// <summary>Microseconds, 1 µs to 1 hour, 3 significant digits.</summary>
    public static LongHistogram NewHistogram() => new(1, 3_600_000_000L, 3);

    public static long Micros(long from, long to) => Math.Max(1, (long)Stopwatch.GetElapsedTime(from, to).TotalMicroseconds);

    /// <summary>Percentiles in milliseconds.</summary>
    public static Percentiles Of(HistogramBase h) => h.TotalCount == 0
        ? Percentiles.Empty
        : new(h.TotalCount, h.GetValueAtPercentile(50) / 1000d, h.GetValueAtPercentile(90) / 1000d, h.GetValueAtPercentile(99) / 1000d,
            h.GetValueAtPercentile(99.9) / 1000d, h.GetMaxValue() / 1000d);

    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms >= 100 ? ms.ToString("F0", CultureInfo.InvariantCulture) : ms.ToString("F1", CultureInfo.InvariantCulture);

    public static string F(double v, string format = "F0") => double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>Seconds a .NET process has spent paused for its GC and compiling code (JIT) so far, as its runtime counts them
/// (<c>dotnet.gc.pause.time</c>, <c>dotnet.jit.compilation.time</c>).</summary>
public readonly record struct RuntimeTimes(double GcPause, double Jit)
{
    public static readonly RuntimeTimes Unknown = new(double.NaN, double.NaN);

    public static RuntimeTimes Of(SiloCounters counters) =>
        new(counters.Get(SiloCounters.Runtime, "dotnet.gc.pause.time"), counters.Get(SiloCounters.Runtime, "dotnet.jit.compilation.time"));
}

/// <summary>
/// CPU% and RSS of a few processes (and the machine) each second, from /proc; a name may stand for several processes (summed).
/// For a .NET process it may also read the time its GC paused it and the time it spent compiling (<see cref="RuntimeTimes"/>):
/// a second in which the silo stops for its GC, or spends compiling code, is a second less for dispatching.
/// </summary>
public sealed class ProcSampler : IAsyncDisposable
{
    private readonly (string Name, int[] Pids)[] _procs;
    private readonly Func<RuntimeTimes>?[] _runtimeTimes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _ticksPerSecond = 100; // USER_HZ on Linux

    /// <param name="runtimeTimes">By process name, the process's GC pause and JIT time so far (NaN until known).</param>
    public ProcSampler(IEnumerable<(string Name, int[] Pids)> procs, IReadOnlyDictionary<string, Func<RuntimeTimes>>? runtimeTimes = null)
    {
        _procs = procs.ToArray();
        _runtimeTimes = _procs.Select(p => runtimeTimes?.GetValueOrDefault(p.Name)).ToArray();
        _loop = Task.Run(LoopAsync);
    }

    /// <param name="GcMs">Milliseconds each process spent paused for its GC since the sample before (NaN when not read).</param>
    /// <param name="JitMs">Milliseconds each process spent compiling code since the sample before (NaN when not read).</param>
    public sealed record Sample(double At, double MachineCpu, double[] Cpu, double[] RssMb, double[] GcMs, double[] JitMs);

    public List<Sample> Samples { get; } = [];

    public IReadOnlyList<string> Names => _procs.Select(p => p.Name).ToList();

    public Sample? Latest { get { lock (Samples) { return Samples.Count > 0 ? Samples[^1] : null; } } }

    private async Task LoopAsync()
    {
        var start = Stopwatch.GetTimestamp();
        var last = _procs.Select(p => CpuTicks(p.Pids)).ToArray();
        var (lastBusy, lastTotal) = MachineTicks();
        var lastTimes = RuntimeTimesNow();
        var lastAt = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = Stopwatch.GetTimestamp();
                var dt = Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
                var ticks = _procs.Select(p => CpuTicks(p.Pids)).ToArray();
                var cpu = ticks.Select((t, i) => t < 0 || last[i] < 0 ? double.NaN : (t - last[i]) * 100d / _ticksPerSecond / dt).ToArray();
                var (busy, total) = MachineTicks();
                var machine = total > lastTotal ? (busy - lastBusy) * 100d / (total - lastTotal) : double.NaN;
                var rss = _procs.Select(p => p.Pids.Sum(RssMb)).ToArray();
                var times = RuntimeTimesNow();
                var gcMs = times.Select((t, i) => (t.GcPause - lastTimes[i].GcPause) * 1000).ToArray();
                var jitMs = times.Select((t, i) => (t.Jit - lastTimes[i].Jit) * 1000).ToArray();
                lock (Samples)
                {
                    Samples.Add(new(Stopwatch.GetElapsedTime(start, now).TotalSeconds, machine, cpu, rss, gcMs, jitMs));
                }
                (last, lastBusy, lastTotal, lastAt, lastTimes) = (ticks, busy, total, now, times);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private RuntimeTimes[] RuntimeTimesNow() => _runtimeTimes.Select(f => f?.Invoke() ?? RuntimeTimes.Unknown).ToArray();

    private static long CpuTicks(int[] pids)
    {
        var ticks = pids.Select(CpuTicks).ToArray();
        return ticks.Any(t => t < 0) ? -1 : ticks.Sum();
    }

    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static double RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static (long Busy, long Total) MachineTicks()
    {
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var total = parts.Take(8).Sum();
        var idle = parts[3] + parts[4];
        return (total - idle, total);
    }

    /// <summary>Mean and max of each process's CPU% and RSS, and its GC pauses and JIT time summed, over samples whose time lies in [from, to).</summary>
    public (double MeanCpu, double MaxCpu, double MaxRss, double GcMs, double JitMs)[] Summary(double from, double to, out double machineMean)
    {
        List<Sample> window;
        lock (Samples)
        {
            window = Samples.Where(s => s.At >= from && s.At < to).ToList();
        }
        machineMean = window.Count == 0 ? double.NaN : window.Average(s => s.MachineCpu);
        return _procs.Select((_, i) =>
        {
            var cpu = window.Select(s => s.Cpu[i]).Where(v => !double.IsNaN(v)).ToList();
            var rss = window.Select(s => s.RssMb[i]).Where(v => !double.IsNaN(v)).ToList();
            var gc = window.Select(s => s.GcMs[i]).Where(v => !double.IsNaN(v)).ToList();
            var jit = window.Select(s => s.JitMs[i]).Where(v => !double.IsNaN(v)).ToList();
            return (cpu.Count > 0 ? cpu.Average() : double.NaN, cpu.Count > 0 ? cpu.Max() : double.NaN, rss.Count > 0 ? rss.Max() : double.NaN,
                gc.Count > 0 ? gc.Sum() : double.NaN, jit.Count > 0 ? jit.Sum() : double.NaN);
        }).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
