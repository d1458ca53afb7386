using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongzhi.Hosting;

/// <summary>
/// The approximate message count of one or more queues (summed) for an observable gauge, read by one properties request
/// per queue every <see cref="Period"/> in the background, never on a scrape's path or a request's. Unknown (null) until
/// the first read answers; a queue that does not exist yet counts 0.
/// </summary>
public sealed class QueueLengthPoll(IReadOnlyList<QueueClient> queues, TimeProvider time, ILogger<QueueLengthPoll> logger) : BackgroundService
{
    /// <summary>Four requests a minute per process: nothing beside intake's hundreds a second, fresh enough for an alert.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    private int _length = -1;

    public string QueueName => string.Join('+', queues.Select(q => q.Name));

    public int? Length => Volatile.Read(ref _length) is >= 0 and var length ? length : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                await ReadAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One read of the count; a failure keeps the last value (storage trouble shows in the logs and health, not here).</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var length = 0;
            foreach (var queue in queues)
            {
                length += await LengthAsync(queue, cancellationToken);
            }

            Volatile.Write(ref _length, length);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Could not read the length of queue {Queue}", QueueName);
        }
    }

    private static async Task<int> LengthAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
