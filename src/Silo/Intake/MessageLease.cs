using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Gongzhi.Silo.Intake;

/// <summary>
/// Keeps a received message hidden from other workers while it is handled, renewing its visibility timeout
/// every third of it, so a slow batch (grain calls waiting on a silo that just died) is not handed out again
/// meanwhile. Stop it before deleting or updating the message: that needs the latest pop receipt.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        MessageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _timeout = timeout;
        _time = time;
        _logger = logger;
        _renewals = RenewAsync();
    }

    public string MessageId { get; }

    /// <summary>The receipt of the latest renewal: the one a delete or an update must present.</summary>
    public string PopReceipt { get; private set; }

    /// <summary>The message was taken by another worker or deleted: this worker no longer holds it.</summary>
    public bool Lost { get; private set; }

    /// <summary>Stops renewing; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _renewals;
    }

    private async Task RenewAsync()
    {
        while (!Lost)
        {
            try
            {
                await Task.Delay(_timeout / 3, _time, _stop.Token);
                var renewed = await _queue.UpdateMessageAsync(MessageId, PopReceipt, visibilityTimeout: _timeout, cancellationToken: _stop.Token);
                PopReceipt = renewed.Value.PopReceipt;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException e) when (IsStaleReceipt(e))
            {
                Lost = true;
            }
            catch (Exception e)
            {
                // Storage did not answer: try again at the next turn, while the current timeout still runs.
                _logger.LogDebug(e, "Could not renew the visibility of intake message {MessageId}", MessageId);
            }
        }
    }

    /// <summary>The message is gone or was received again by someone else since our receipt was issued.</summary>
    public static bool IsStaleReceipt(RequestFailedException e) =>
        e.Status == 404 || (e.Status == 400 && e.ErrorCode == "PopReceiptMismatch");
}
