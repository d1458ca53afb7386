using System.Text.Json;
using System.Text.Json.Serialization;
using Gongzhi.Cases;

namespace Gongzhi.Intake;

/// <summary>The body of one message in the intake queue: one or more submissions, so that a gateway may batch.</summary>
public sealed record IntakeMessage(int Version, IReadOnlyList<CaseSubmission> Submissions)
{
    public const string QueueName = "intake";
    public const string PoisonQueueName = "intake-poison";
    public const int CurrentVersion = 1;

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
    public static string Compose(IEnumerable<string> submissions) =>
        $"{{\"version\":{CurrentVersion},\"submissions\":[{string.Join(',', submissions)}]}}";

    /// <summary>The length <see cref="Compose"/> adds around the submissions, besides one comma between each two.</summary>
    public static int Envelope { get; } = Compose([]).Length;
}
