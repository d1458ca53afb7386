using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Azure.Storage.Queues.Models;
using Gongzhi.Hosting;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Silo.Telemetry;

/// <summary>
/// The intake queue as this silo sees it: the oldest message of the worker's last receive (no request of its own)
/// and the approximate depth from <see cref="QueueLengthPoll"/> (one properties request every
/// <see cref="QueueLengthPoll.Period"/>; absent where no worker runs, as in the grain tests).
/// </summary>
public sealed class IntakeQueueWatch([FromKeyedServices(Clocks.Liveness)] TimeProvider time, QueueLengthPoll? depth = null)
{
    // Per queue the worker reads (the intake queue and the batched one).
    private readonly ConcurrentDictionary<string, long> _oldestTicks = new(StringComparer.Ordinal);

    /// <summary>The worker received these from <paramref name="queue"/>; none means that queue looked empty.</summary>
    public void Saw(string queue, IReadOnlyList<QueueMessage> messages)
    {
        var oldest = 0L;
        foreach (var message in messages)
        {
            if (message.InsertedOn is { } inserted && (oldest == 0 || inserted.UtcTicks < oldest))
            {
                oldest = inserted.UtcTicks;
            }
        }

        _oldestTicks[queue] = oldest;
    }

    /// <summary>Seconds since the oldest message last received was stored; it keeps growing while the worker receives nothing newer.</summary>
    public double Age
    {
        get
        {
            var oldest = _oldestTicks.Values.Where(t => t != 0).DefaultIfEmpty(0).Min();
            return oldest == 0 ? 0 : Math.Max(0, (time.GetUtcNow().UtcTicks - oldest) / (double)TimeSpan.TicksPerSecond);
        }
    }

    internal IEnumerable<Measurement<double>> MeasureAge() => [new(Age)];

    internal IEnumerable<Measurement<int>> MeasureDepth() => depth?.Length is { } length ? [new(length)] : [];
}
