using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongzhi.Hosting;

/// <summary>
/// A queue's approximate message count for an observable gauge, read by one properties request every
/// <see cref="Period"/> in the background, never on a scrape's path or a request's. Unknown (null) until the first read
/// answers; 0 while the queue does not exist yet.
/// </summary>
public sealed class QueueLengthPoll(QueueClient queue, TimeProvider time, ILogger<QueueLengthPoll> logger) : BackgroundService
{
    /// <summary>Four requests a minute per process: nothing beside intake's hundreds a second, fresh enough for an alert.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    private int _length = -1;

    public string QueueName => queue.Name;

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
            Volatile.Write(ref _length, (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            Volatile.Write(ref _length, 0);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Could not read the length of queue {Queue}", queue.Name);
        }
    }
}
