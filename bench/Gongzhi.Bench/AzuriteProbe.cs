using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace Gongzhi.Bench;

/// <summary>
/// Times one tiny table read against the system's Azurite every 250 ms during the run, so a stall in storage
/// shows as such next to the system's own figures; at the end, counts the rows of every table.
/// </summary>
public sealed class AzuriteProbe : IAsyncDisposable
{
    private readonly TableServiceClient _service;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Driver _driver;

    public AzuriteProbe(string connectionString, Driver driver)
    {
        _service = new TableServiceClient(connectionString);
        _driver = driver;
        _loop = Task.Run(LoopAsync);
    }

    public HdrHistogram.LongHistogram Latency { get; } = Stats.NewHistogram();

    /// <summary>Slowest probe per second of the run (ms), by the second it started in.</summary>
    public double[] MaxPerSecond { get; } = new double[4000];

    private async Task LoopAsync()
    {
        var table = _service.GetTableClient("benchprobe");
        await table.CreateIfNotExistsAsync(_stop.Token);
        while (!_stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await table.GetEntityIfExistsAsync<TableEntity>("probe", "probe", cancellationToken: CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (Exception e) when (e is RequestFailedException or TimeoutException)
            {
            }
            var end = Stopwatch.GetTimestamp();
            lock (Latency)
            {
                Latency.RecordValue(Stats.Micros(start, end));
            }
            if (_driver.T0 != 0)
            {
                var s = Math.Clamp(_driver.SecondOf(start), 0, MaxPerSecond.Length - 1);
                var ms = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
                if (ms > MaxPerSecond[s])
                {
                    MaxPerSecond[s] = ms;
                }
            }
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Rows per table (the grain state, reminder and clustering tables of the system).</summary>
    public async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(CancellationToken ct)
    {
        var result = new List<(string, long)>();
        await foreach (var t in _service.QueryAsync(cancellationToken: ct))
        {
            long n = 0;
            await foreach (var _ in _service.GetTableClient(t.Name).QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1000, cancellationToken: ct))
            {
                n++;
            }
            result.Add((t.Name, n));
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync();
        await _loop;
    }
}
