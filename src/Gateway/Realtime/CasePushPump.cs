using System.Threading.Channels;
using Gongzhi.Cases;
using Gongzhi.Gateway.Telemetry;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// The one place this gateway pushes case updates from: the cluster's observer calls may run concurrently
/// and arrive out of order, so they are queued here, put back in seq order per case by
/// <see cref="CaseUpdateSequencer"/>, and sent one after another.
/// </summary>
public sealed class CasePushPump(CaseUpdateSequencer sequencer, GatewayMetrics metrics, TimeProvider time, ILogger<CasePushPump> logger) : BackgroundService
{
    private readonly Channel<CaseUpdate> _queue = Channel.CreateUnbounded<CaseUpdate>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Set by the observer: how an update reaches the SignalR groups in its scope.</summary>
    public Func<CaseUpdate, Task>? Send { get; set; }

    public void Post(IReadOnlyList<CaseUpdate> updates)
    {
        foreach (var update in updates)
        {
            PushSpans.Queue(update);
            _queue.Writer.TryWrite(update);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            if (sequencer.NextRelease is { } at)
            {
                var wait = at - DateTimeOffset.UtcNow;
                wake.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            }

            try
            {
                await reader.WaitToReadAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // A held update's wait is over.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            while (reader.TryRead(out var item))
            {
                var held = sequencer.HeldTotal;
                SendAll(sequencer.Accept(item));
                if (sequencer.HeldTotal > held)
                {
                    metrics.Held();
                }
            }

            SendAll(sequencer.Release());
        }
    }

    // Sends are started in order but not awaited one by one: SignalR writes to every connection that can take
    // the message at once and queues it (in order, behind that connection's write lock) for one that cannot, so a
    // phone that stopped reading holds up only its own pushes until the server drops it, not everyone's.
    private void SendAll(IReadOnlyList<CaseUpdate> updates)
    {
        var now = time.GetUtcNow();
        foreach (var update in updates)
        {
            metrics.Pushed(now - update.At);
            Task sending;
            try
            {
                sending = Send?.Invoke(update) ?? Task.CompletedTask;
            }
            catch (Exception ex)
            {
                sending = Task.FromException(ex);
            }

            PushSpans.Sent(update, sending);
            if (!sending.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(sending, update);
            }
        }
    }

    private async Task ObserveAsync(Task sending, CaseUpdate update)
    {
        try
        {
            await sending;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Push of case {CaseId} seq {Seq} failed", update.CaseId, update.Seq);
        }
    }
}
