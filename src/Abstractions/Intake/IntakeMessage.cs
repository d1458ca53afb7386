using System.Text.Json;
using System.Text.Json.Serialization;
using Gongzhi.Cases;

namespace Gongzhi.Intake;

/// <summary>The body of one message in the intake queue: one or more submissions, so that a gateway may batch.</summary>
public sealed record IntakeMessage(int Version, IReadOnlyList<CaseSubmission> Submissions)
{
    public const string QueueName = "intake";
    public const string PoisonQueueName = "intake-poison";

    /// <summary>Submissions whose case is kept in a partition of its own, on queue <see cref="QueueName"/>: every one from before version 2.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// Submissions on their own queue (<see cref="BatchedQueueOf"/>), which silos from before it never read: their cases are
    /// kept in shared partitions and inserted many at once (docs/architecture.md, D16-batched-inserts). Gateways write only these.
    /// </summary>
    public const int BatchedVersion = 2;

    /// <summary>The queue of <see cref="BatchedVersion"/> messages beside intake queue <paramref name="queueName"/>.</summary>
    public static string BatchedQueueOf(string queueName) => queueName + "-v2";

    /// <summary>The version a message body says, or null when it cannot be read.</summary>
    public static int? VersionOf(string body)
    {
        try
        {
            return Parse(body).Version;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The one JSON shape gateways write and silos read.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IntakeMessage Parse(string body) =>
        JsonSerializer.Deserialize<IntakeMessage>(body, Json) ?? throw new JsonException("The message is empty.");

    /// <summary>One submission as it appears inside a message, so a gateway can size a batch before composing it.</summary>
    public static string ToJson(CaseSubmission submission) => JsonSerializer.Serialize(submission, Json);

    /// <summary>A message of submissions already written by <see cref="ToJson(CaseSubmission)"/>: the same text <see cref="ToJson()"/> gives.</summary>
    public static string Compose(IEnumerable<string> submissions, int version = CurrentVersion) =>
        $"{{\"version\":{version},\"submissions\":[{string.Join(',', submissions)}]}}";

    /// <summary>The length <see cref="Compose"/> adds around the submissions, besides one comma between each two.</summary>
    public static int Envelope { get; } = Compose([]).Length;
}
