using Azure.Storage.Queues;
using Gongzhi.Cases;
using Gongzhi.Gateway.Telemetry;
using Gongzhi.Intake;
using Gongzhi.Telemetry;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// Writes accepted submissions durably to one intake queue (<see cref="IntakeQueue"/> chooses which) by group commit: submissions that arrive while
/// sends are in flight wait and go together in the next message (up to <see cref="MaxMessageChars"/>), with
/// at most <see cref="GatewayOptions.IntakeSendsInFlight"/> sends at once. A caller's task completes only
/// once the message holding its submission is stored, and fails with that send's error when it was not;
/// a queue message is stored whole or not at all, so a failed batch leaves nothing behind. Under load a send
/// also waits until <see cref="GatewayOptions.IntakeSendInterval"/> has passed since the last one started (or its
/// message is full), so that batches grow with the load and storage sees a bounded number of messages.
/// </summary>
internal sealed class IntakeLane(QueueClient queue, int version, IntakeWakeUp wakeUp, GatewayOptions options, TimeProvider time)
{
    /// <summary>
    /// Azure queues take 64 KiB per message. The JSON is ASCII (the default encoder escapes the rest), so
    /// characters are bytes; the largest single submission (4,000 escaped Chinese characters) is ~26 K.
    /// </summary>
    public const int MaxMessageChars = 48 * 1024;

    /// <summary>Queue messages otherwise expire after 7 days; an accepted submission must wait for a silo however long.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue = queue;
    private readonly int _maxInFlight = Math.Max(1, options.IntakeSendsInFlight);
    private readonly TimeSpan _interval = options.IntakeSendInterval;
    private readonly Lock _lock = new();
    private readonly Queue<Pending> _pending = new();
    private int _inFlight;
    private int _pendingChars;
    private long? _lastSendStarted;
    private ITimer? _hold;
    private Task? _created;

    /// <summary>Submissions waiting for a send to take them.</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Completes when the submission is stored in the queue; cancelling helps only while it still waits for a send.</summary>
    public async Task EnqueueAsync(CaseSubmission submission, CancellationToken cancellationToken)
    {
        using var span = IntakeSendSpans.Start(submission, _queue.Name);
        var item = new Pending(IntakeMessage.ToJson(IntakeSendSpans.Carrying(submission)));
        lock (_lock)
        {
            _pending.Enqueue(item);
            _pendingChars += item.Json.Length + 1;
        }

        StartSends();
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (!item.Taken)
                {
                    item.Done.TrySetCanceled(cancellationToken);
                }
            }
        });
        try
        {
            await item.Done.Task;
        }
        catch (Exception ex)
        {
            SpanTags.Failed(span, ex);
            throw;
        }
    }

    /// <summary>Stores a message body as it is, e.g. one moved back from the poison queue.</summary>
    public async Task SendRawAsync(BinaryData body, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        await _queue.SendMessageAsync(body, timeToLive: NeverExpires, cancellationToken: cancellationToken);
    }

    /// <summary>Whether storage answers; used by the health check.</summary>
    public async Task<bool> ReachableAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        await _queue.GetPropertiesAsync(cancellationToken);
        return true;
    }

    private void StartSends()
    {
        while (true)
        {
            List<Pending>? batch;
            lock (_lock)
            {
                if (_inFlight >= _maxInFlight || _pending.Count == 0 || Holding())
                {
                    return;
                }

                if (TakeBatch() is not { } taken)
                {
                    return;
                }

                batch = taken;
                _inFlight++;
                _lastSendStarted = time.GetTimestamp();
            }

            // Outside the caller's context: the message holds several residents' cases (and later batches are started
            // from this send), so it must not join the trace or log scope of the one whose request happened to start it.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => SendAsync(batch));
            }
        }
    }

    // Under the lock: whether the next send waits for the interval since the last one started (a timer then
    // starts it). A full message goes at once: waiting would only make the batch after it bigger.
    private bool Holding()
    {
        if (_hold is not null)
        {
            return _pendingChars < MaxMessageChars;
        }

        var wait = _lastSendStarted is { } started ? _interval - time.GetElapsedTime(started) : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero || _pendingChars >= MaxMessageChars)
        {
            return false;
        }

        _hold = time.CreateTimer(static self => ((IntakeLane)self!).HoldEnded(), this, wait, Timeout.InfiniteTimeSpan);
        return true;
    }

    private void HoldEnded()
    {
        lock (_lock)
        {
            _hold?.Dispose();
            _hold = null;
        }

        StartSends();
    }

    // Under the lock: everything pending, oldest first, that fits one message.
    private List<Pending>? TakeBatch()
    {
        List<Pending>? batch = null;
        var length = IntakeMessage.Envelope;
        while (_pending.TryPeek(out var next))
        {
            if (next.Done.Task.IsCompleted)
            {
                _pending.Dequeue(); // its request was aborted before a send took it
                _pendingChars -= next.Json.Length + 1;
                continue;
            }

            var added = next.Json.Length + (batch is null ? 0 : 1);
            if (batch is not null && length + added > MaxMessageChars)
            {
                break;
            }

            _pending.Dequeue();
            _pendingChars -= next.Json.Length + 1;
            next.Taken = true;
            (batch ??= []).Add(next);
            length += added;
        }

        return batch;
    }

    private async Task SendAsync(List<Pending> batch)
    {
        try
        {
            await EnsureCreatedAsync();
            // Not the callers' tokens: one aborted request must not fail the others sharing its message.
            await _queue.SendMessageAsync(IntakeMessage.Compose(batch.Select(p => p.Json), version), timeToLive: NeverExpires, cancellationToken: CancellationToken.None);
            foreach (var item in batch)
            {
                item.Done.TrySetResult();
            }

            wakeUp.Signal();
        }
        catch (Exception ex)
        {
            foreach (var item in batch)
            {
                item.Done.TrySetException(ex);
            }
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }

            StartSends();
        }
    }

    // Created once per process; a failed attempt (storage down) is tried again on the next call.
    private Task EnsureCreatedAsync()
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            _created = created = _queue.CreateIfNotExistsAsync();
        }

        return created;
    }

    private sealed class Pending(string json)
    {
        public string Json { get; } = json;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Taken { get; set; }
    }
}
