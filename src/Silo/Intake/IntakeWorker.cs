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
/// Takes submissions from the intake queue in batches and hands each to its case grain. A message is
/// deleted only after every submission in it has been persisted; one that fails
/// <see cref="IntakeOptions.MaxAttempts"/> times moves to the poison queue, logged, never dropped.
/// </summary>
internal sealed class IntakeWorker(
    QueueServiceClient queues,
    IGrainFactory grains,
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

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var taken = await PumpOnceAsync(intake, poison, stoppingToken);
                if (taken == 0)
                {
                    await Task.Delay(_options.IdleDelay, time, stoppingToken);
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
    }

    /// <summary>Receives one batch and handles it; returns how many messages it took.</summary>
    internal async Task<int> PumpOnceAsync(QueueClient intake, QueueClient poison, CancellationToken cancellationToken)
    {
        QueueMessage[] messages = await intake.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, cancellationToken);
        await Task.WhenAll(messages.Select(m => HandleAsync(intake, poison, m, cancellationToken)));
        return messages.Length;
    }

    private async Task HandleAsync(QueueClient intake, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var body = IntakeMessage.Parse(message.Body.ToString());
            foreach (var submission in body.Submissions)
            {
                await grains.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
            }

            await intake.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await FailAsync(intake, poison, message, ex, cancellationToken);
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
