namespace Gongzhi.Gateway;

/// <summary>Settings of a gateway; the Development defaults run locally with no edits.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Key of the HMAC behind tracking tokens; the same on every gateway, at least 32 characters.</summary>
    public string TrackingKey { get; set; } = "";

    /// <summary>The built dashboard, relative to the content root.</summary>
    public string DashboardPath { get; set; } = "../Dashboard/dist";

    /// <summary>The queue submissions are written to.</summary>
    public string IntakeQueueName { get; set; } = Gongzhi.Intake.IntakeMessage.QueueName;

    /// <summary>The queue the silos' intake worker moves a message to after its last failed attempt.</summary>
    public string IntakePoisonQueueName { get; set; } = Gongzhi.Intake.IntakeMessage.PoisonQueueName;

    /// <summary>Queue sends at once; submissions arriving meanwhile share the next message (group commit).</summary>
    public int IntakeSendsInFlight { get; set; } = 1;

    /// <summary>
    /// The least time between the starts of two queue sends, unless the next message is full: under load
    /// submissions gather for this long into one message, since each message costs storage a send and a delete
    /// whatever it holds. A submission arriving longer than this after the last send goes at once. Zero: no hold.
    /// </summary>
    public TimeSpan IntakeSendInterval { get; set; } = TimeSpan.FromMilliseconds(25);
}
