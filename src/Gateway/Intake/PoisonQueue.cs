using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// The intake messages the silos gave up on (<see cref="GatewayOptions.IntakePoisonQueueName"/>), read straight from
/// storage so that staff see them while no silo runs, and moved back to the intake queue on an admin's word.
/// </summary>
public sealed class PoisonQueue(QueueServiceClient queues, IntakeQueue intake, IntakeWakeUp wakeUp, IOptions<GatewayOptions> options)
{
    /// <summary>The most messages storage lets one peek see.</summary>
    public const int MaxPeek = 32;

    /// <summary>How long a message being moved stays hidden; one not deleted by then (a crash) comes back to poison.</summary>
    public static readonly TimeSpan MoveTimeout = TimeSpan.FromMinutes(1);

    private readonly QueueClient _queue = queues.GetQueueClient(options.Value.IntakePoisonQueueName);

    /// <summary>The approximate number of messages; 0 while the queue was never created.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await _queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>The first <see cref="MaxPeek"/> messages, left in place.</summary>
    public async Task<IReadOnlyList<PoisonEntry>> PeekAsync(CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await _queue.PeekMessagesAsync(MaxPeek, cancellationToken)).Value.Select(PoisonEntry.From)];
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>
    /// Moves every message back to the intake queue and wakes a worker; answers how many moved. Each message is sent
    /// to intake before it is deleted here, so a crash in between duplicates it (the case grain is idempotent), never
    /// loses it. Messages that arrive during the move may be moved too.
    /// </summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = (await _queue.ReceiveMessagesAsync(MaxPeek, MoveTimeout, cancellationToken)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    // Not the request's token: once sent, the delete must follow even if the caller gave up.
                    await intake.SendRawAsync(message.Body, CancellationToken.None);
                    await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                    moved++;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No poison queue yet: nothing to move.
        }

        if (moved > 0)
        {
            wakeUp.Signal();
        }

        return moved;
    }
}
