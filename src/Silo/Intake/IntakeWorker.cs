using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Telemetry;
using Gongzhi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Intake;

/// <summary>
/// Takes submissions from the intake queues (the first, and the batched one, <see cref="IntakeMessage.BatchedVersion"/>)
/// in batches and hands each to its case grain, the submissions of
/// a message at once (different cases). It receives the next batch while earlier ones are still handled,
/// up to <see cref="IntakeOptions.MaxMessagesInFlight"/>; after a receive that brought less than a full batch (the
/// queue drained) it waits <see cref="IntakeOptions.IdleDelay"/> or until a gateway's <see cref="IntakeSignal"/>.
/// A message is deleted only after every submission in it has been persisted, and kept hidden while it is handled
/// (<see cref="MessageLease"/>). A transient failure (<see cref="IntakeFailures"/>) is retried with a doubling
/// backoff for up to <see cref="IntakeOptions.MaxMessageAge"/>; only a message that cannot be read, or submissions
/// the system refuses, go to the poison queue at once, logged with their case ids, never dropped.
/// </summary>
internal sealed class IntakeWorker(
    QueueServiceClient queues,
    GrainReferences grains,
    IntakeSignal signal,
    IOptions<IntakeOptions> options,
    IntakeQueueWatch watch,
    [FromKeyedServices(Clocks.Liveness)] TimeProvider time,
    ILogger<IntakeWorker> logger) : BackgroundService
{
    private static readonly Task NeverWoken = new TaskCompletionSource().Task;

    private readonly IntakeOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var poison = queues.GetQueueClient(_options.PoisonQueueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        // Both queues, each read as the only one was. Gateways write the batched one (and wake the worker for it); the first
        // gets only what older gateways write during an upgrade and messages moved back from the poison queue, so it is
        // read every IdleDelay when empty, and a wake-up (one per gateway send) costs it no request.
        await Task.WhenAll(
            ReadAsync(queues.GetQueueClient(_options.QueueName), poison, wakeable: false, stoppingToken),
            ReadAsync(queues.GetQueueClient(IntakeMessage.BatchedQueueOf(_options.QueueName)), poison, wakeable: true, stoppingToken));
    }

    private async Task ReadAsync(QueueClient intake, QueueClient poison, bool wakeable, CancellationToken stoppingToken)
    {
        await intake.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        logger.LogInformation("Intake worker reading queue {Queue}", intake.Name);

        var handling = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Armed before the receive: a signal for a message the receive misses still cuts the wait short.
                var woken = wakeable ? signal.Armed() : NeverWoken;
                await MakeRoomAsync(handling);
                var messages = await intake.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, stoppingToken);
                watch.Saw(intake.Name, messages.Value);
                handling.AddRange(messages.Value.Select(m => HandleAsync(intake, poison, m, stoppingToken)));
                // Less than a full batch means the queue is drained: reading it again at once would cost a request for
                // nothing (half of all receives under a surge); the next message's gateway signal wakes the worker.
                if (messages.Value.Length < _options.BatchSize)
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
                logger.LogError(ex, "Intake receive from {Queue} failed; trying again", intake.Name);
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
        watch.Saw(intake.Name, messages);
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
        await using var lease = new MessageLease(intake, message, _options.VisibilityTimeout, time, logger);
        IntakeMessage body;
        try
        {
            body = IntakeMessage.Parse(message.Body.ToString());
        }
        catch (Exception ex) when (IntakeFailures.IsUnreadable(ex))
        {
            await lease.DisposeAsync();
            await SettleAsync(intake, poison, message, lease, () => PoisonAsync(poison, message.Body.ToString(), message.MessageId, [], ex, cancellationToken), cancellationToken);
            return;
        }

        // Every submission is tried even when one fails, so a retry finds the others already persisted (idempotent).
        var batched = body.Version == IntakeMessage.BatchedVersion;
        var failures = await Task.WhenAll(body.Submissions.Select(s => TrySubmitAsync(s, batched, intake.Name)));
        await lease.DisposeAsync();
        var failed = body.Submissions.Zip(failures).Where(f => f.Second is not null).ToArray();
        if (failed.Length == 0)
        {
            await SettleAsync(intake, poison, message, lease, () => Task.CompletedTask, cancellationToken);
            return;
        }

        var transient = failed.Where(f => !IntakeFailures.IsPermanent(f.Second!)).ToArray();
        var age = time.GetUtcNow() - (message.InsertedOn ?? time.GetUtcNow());
        if (transient.Length > 0 && age < _options.MaxMessageAge)
        {
            await RetryLaterAsync(intake, message, lease, transient[0].Second!, cancellationToken);
            return;
        }

        // Refused submissions, or a message that failed past its age limit: set aside what failed, keep what became cases.
        var aside = failed.Select(f => f.First).ToArray();
        await SettleAsync(intake, poison, message, lease,
            () => PoisonAsync(poison, new IntakeMessage(body.Version, aside).ToJson(), message.MessageId, aside, failed[0].Second!, cancellationToken),
            cancellationToken);
    }

    // In the trace of the request that submitted it; the trace context itself goes no further than this worker.
    private async Task<Exception?> TrySubmitAsync(CaseSubmission submission, bool batched, string queueName)
    {
        using var span = IntakeSpans.StartProcess(submission, queueName);
        try
        {
            var grain = grains.Case(submission.CaseId);
            submission = submission with { TraceParent = null, TraceState = null };
            await (batched ? grain.SubmitBatchedAsync(submission) : grain.SubmitAsync(submission));
            return null;
        }
        catch (Exception ex)
        {
            SpanTags.Failed(span, ex);
            return ex;
        }
    }

    // Runs what must be stored first (the poison copy), then deletes the message. A failure leaves the message to come
    // back after its visibility timeout; a crash between the two duplicates the poison copy, never loses it.
    private async Task SettleAsync(QueueClient intake, QueueClient poison, QueueMessage message, MessageLease lease, Func<Task> first, CancellationToken cancellationToken)
    {
        try
        {
            await first();
            await intake.DeleteMessageAsync(message.MessageId, lease.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (MessageLease.IsStaleReceipt(e))
        {
            // Another worker received it meanwhile (or already deleted it): that worker settles it, and the case grain is idempotent.
            logger.LogDebug("Intake message {MessageId} was taken by another worker before it could be deleted", message.MessageId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Intake message {MessageId} could not be settled; it comes back after its visibility timeout", message.MessageId);
        }
    }

    private async Task PoisonAsync(QueueClient poison, string body, string messageId, IReadOnlyList<CaseSubmission> submissions, Exception error, CancellationToken cancellationToken)
    {
        await poison.SendMessageAsync(body, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
        logger.LogWarning(error, "Intake message {MessageId}: cases {CaseIds} cannot be taken and moved to {PoisonQueue}; replay them once the cause is fixed",
            messageId, submissions.Count == 0 ? "(unreadable message)" : string.Join(", ", submissions.Select(s => s.CaseId)), _options.PoisonQueueName);
    }

    private async Task RetryLaterAsync(QueueClient intake, QueueMessage message, MessageLease lease, Exception error, CancellationToken cancellationToken)
    {
        var delay = _options.BackoffAfter(message.DequeueCount);
        logger.LogWarning(error, "Intake message {MessageId} failed on delivery {Attempt} for a transient reason; retrying in {Delay}",
            message.MessageId, message.DequeueCount, delay);
        try
        {
            await intake.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (MessageLease.IsStaleReceipt(e))
        {
            logger.LogDebug("Intake message {MessageId} was taken by another worker before its retry was set", message.MessageId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Left as it is, the message comes back after its visibility timeout.
            logger.LogWarning(ex, "Intake message {MessageId} could not be set aside for retry", message.MessageId);
        }
    }
}
