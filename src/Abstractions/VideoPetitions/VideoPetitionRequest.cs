using Gongzhi.Cases;

namespace Gongzhi.VideoPetitions;

/// <summary>A resident's (or their cadre's) request to speak by video with an official at the case's current level.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.VideoPetitionRequest")]
public sealed record VideoPetitionRequest(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseActor RequestedBy,
    [property: Id(2)] string Note,
    [property: Id(3)] IReadOnlyList<DateTimeOffset> Slots);
