using Gongzhi.Intake;

namespace Gongzhi.Silo.Intake;

/// <summary>How the intake worker reads the queue.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public bool Enabled { get; set; } = true;

    public string QueueName { get; set; } = IntakeMessage.QueueName;

    public string PoisonQueueName { get; set; } = IntakeMessage.PoisonQueueName;

    /// <summary>
    /// How long a message that keeps failing for transient reasons is retried, counted from when it was queued;
    /// past it the message moves to the poison queue. Messages are queued without expiry, so none lapses unseen.
    /// </summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Messages taken per receive; Azure queues allow at most 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages being handled at once: the worker receives the next batch while earlier ones are handled, up to this.</summary>
    public int MaxMessagesInFlight { get; set; } = 64;

    /// <summary>How long a received message stays hidden from other workers.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pause after a receive that brought less than a full batch (the queue drained), cut short when a gateway
    /// signals new messages (<see cref="IntakeSignal"/>).
    /// </summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The first pause before a failed message is tried again; it doubles with each delivery up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The pause before delivery <paramref name="attempt"/> + 1 of a message that failed for a transient reason.</summary>
    public TimeSpan BackoffAfter(long attempt) =>
        TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30))));
}
