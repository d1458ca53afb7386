using System.Text.Json.Serialization;

namespace Gongzhi.Cases;

/// <summary>
/// A resident's request as validated by a gateway and carried through the intake queue. <see cref="Photos"/> are the paths of
/// photos the resident uploaded before submitting (at most 3): references, never bytes, so the message stays small.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseSubmission")]
public sealed record CaseSubmission(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] CaseKind Kind,
    [property: Id(3)] string Category,
    [property: Id(4)] string Description,
    [property: Id(5)] CaseLocation Location,
    [property: Id(6)] ContactInfo Contact,
    [property: Id(7)] string? ClientRequestId,
    [property: Id(8)] DateTimeOffset SubmittedAt,
    [property: Id(9)][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Photos = null)
{
    /// <summary>The W3C trace context of the request that submitted it, carried in the intake queue message only (not to grains, not stored).</summary>
    [field: NonSerialized]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceParent { get; init; }

    /// <summary>The W3C trace state that goes with <see cref="TraceParent"/>.</summary>
    [field: NonSerialized]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceState { get; init; }
}
