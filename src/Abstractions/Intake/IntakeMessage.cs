using System.Text.Json;
using System.Text.Json.Serialization;
using Gongzhi.Cases;

namespace Gongzhi.Intake;

/// <summary>The body of one message in the intake queue: one or more submissions, so that a gateway may batch.</summary>
public sealed record IntakeMessage(int Version, IReadOnlyList<CaseSubmission> Submissions)
{
    public const string QueueName = "intake";
    public const string PoisonQueueName = "intake-poison";

    /// <summary>The one JSON shape gateways write and silos read.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IntakeMessage Parse(string body) =>
        JsonSerializer.Deserialize<IntakeMessage>(body, Json) ?? throw new JsonException("The message is empty.");
}
