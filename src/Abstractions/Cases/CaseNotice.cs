namespace Gongzhi.Cases;

/// <summary>
/// News about a case from another grain (a video petition, a consultation), recorded on the case's
/// timeline as one event and pushed like any other.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseNotice")]
public sealed record CaseNotice(
    [property: Id(0)] CaseEventType Type,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? ActorName,
    [property: Id(3)] string? Note,
    [property: Id(4)] string? Reference);
