using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Intake;

/// <summary>
/// Takes submissions from the intake queue in batches and hands each to its case grain, the submissions of
/// a message at once (different cases). It receives the next batch while earlier ones are still handled,
/// up to <see cref="IntakeOptions.MaxMessagesInFlight"/>; when the queue is empty it waits
/// <see cref="IntakeOptions.IdleDelay"/> or until a gateway's <see cref="IntakeSignal"/>. A message is
/// deleted only after every submission in it has been persisted; one that fails
/// <see cref="IntakeOptions.MaxAttempts"/> times moves to the poison queue, logged, never dropped.
/// </summary>
internal sealed class IntakeWorker(
    QueueServiceClient queues,
    IGrainFactory grains,
    IntakeSignal signal,
    IOptions<IntakeOptions> options,
    [FromKeyedServices(Clocks.Liveness)] TimeProvider time,
    ILogger<IntakeWorker> logger) : BackgroundService
{
    private readonly IntakeOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var intake = queues.GetQueueClient(_options.QueueName);
        var poison = queues.GetQueueClient(_options.PoisonQueueName);
        await intake.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        logger.LogInformation("Intake worker reading queue {Queue}", _options.QueueName);

        var handling = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Armed before the receive: a signal for a message the receive misses still cuts the wait short.
                var woken = signal.Armed();
                await MakeRoomAsync(handling);
                var messages = await intake.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, stoppingToken);
                handling.AddRange(messages.Value.Select(m => HandleAsync(intake, poison, m, stoppingToken)));
                if (messages.Value.Length == 0)
                {
                    await IdleAsync(woken, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Intake receive failed; trying again");
                await Task.Delay(_options.RetryDelay, time, stoppingToken);
            }
        }

        // Messages cut short by the stop are not deleted; they come back after their visibility timeout.
        await Task.WhenAll(handling).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Receives one batch and handles it completely; returns how many messages it took.</summary>
    internal async Task<int> PumpOnceAsync(QueueClient intake, QueueClient poison, CancellationToken cancellationToken)
    {
        QueueMessage[] messages = await intake.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, cancellationToken);
        await Task.WhenAll(messages.Select(m => HandleAsync(intake, poison, m, cancellationToken)));
        return messages.Length;
    }

    // Waits until another full batch fits under MaxMessagesInFlight.
    private async Task MakeRoomAsync(List<Task> handling)
    {
        handling.RemoveAll(t => t.IsCompleted);
        while (handling.Count > _options.MaxMessagesInFlight - _options.BatchSize)
        {
            await Task.WhenAny(handling);
            handling.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task IdleAsync(Task woken, CancellationToken stoppingToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(woken, Task.Delay(_options.IdleDelay, time, idle.Token));
        await idle.CancelAsync();
    }

    private async Task HandleAsync(QueueClient intake, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var body = IntakeMessage.Parse(message.Body.ToString());
            // Every submission is tried even when one fails, so a retry finds the others already persisted (idempotent).
            await Task.WhenAll(body.Submissions.Select(s => grains.GetGrain<ICaseGrain>(s.CaseId).SubmitAsync(s)));
            await intake.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FailAsync(intake, poison, message, ex, cancellationToken);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                // Left as it is, the message comes back after its visibility timeout.
                logger.LogError(failure, "Intake message {MessageId} failed and could not be set aside for retry", message.MessageId);
            }
        }
    }

    private async Task FailAsync(QueueClient intake, QueueClient poison, QueueMessage message, Exception error, CancellationToken cancellationToken)
    {
        if (message.DequeueCount >= _options.MaxAttempts)
        {
            // Poison first, then delete: a crash between the two duplicates the message, never loses it.
            await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
            await intake.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            logger.LogError(error, "Intake message {MessageId} failed {Attempts} times and moved to {PoisonQueue}",
                message.MessageId, message.DequeueCount, _options.PoisonQueueName);
            return;
        }

        logger.LogWarning(error, "Intake message {MessageId} failed on attempt {Attempt}; it will be retried", message.MessageId, message.DequeueCount);
        var delay = _options.RetryDelay * message.DequeueCount;
        await intake.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
