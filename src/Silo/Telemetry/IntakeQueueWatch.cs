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
    private long _oldestTicks;

    /// <summary>The worker received these; none means the queue looked empty.</summary>
    public void Saw(IReadOnlyList<QueueMessage> messages)
    {
        var oldest = 0L;
        foreach (var message in messages)
        {
            if (message.InsertedOn is { } inserted && (oldest == 0 || inserted.UtcTicks < oldest))
            {
                oldest = inserted.UtcTicks;
            }
        }

        Interlocked.Exchange(ref _oldestTicks, oldest);
    }

    /// <summary>Seconds since the oldest message last received was stored; it keeps growing while the worker receives nothing newer.</summary>
    public double Age
    {
        get
        {
            var oldest = Interlocked.Read(ref _oldestTicks);
            return oldest == 0 ? 0 : Math.Max(0, (time.GetUtcNow().UtcTicks - oldest) / (double)TimeSpan.TicksPerSecond);
        }
    }

    internal IEnumerable<Measurement<double>> MeasureAge() => [new(Age)];

    internal IEnumerable<Measurement<int>> MeasureDepth() => depth?.Length is { } length ? [new(length)] : [];
}
