using Gongzhi.Intake;

namespace Gongzhi.Silo.Intake;

/// <summary>How the intake worker reads the queue.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public bool Enabled { get; set; } = true;

    public string QueueName { get; set; } = IntakeMessage.QueueName;

    public string PoisonQueueName { get; set; } = IntakeMessage.PoisonQueueName;

    /// <summary>Deliveries a message gets before it moves to the poison queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Messages taken per receive; Azure queues allow at most 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages being handled at once: the worker receives the next batch while earlier ones are handled, up to this.</summary>
    public int MaxMessagesInFlight { get; set; } = 64;

    /// <summary>How long a received message stays hidden from other workers.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause after an empty receive, cut short when a gateway signals new messages (<see cref="IntakeSignal"/>).</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Hides a failed message for this long times its delivery count before it is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
