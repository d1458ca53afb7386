namespace Gongzhi.Communities;

/// <summary>An SLA class, modelled on 12345 practice: how soon a case must be acknowledged and resolved.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.SlaClassInfo")]
public sealed record SlaClassInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] TimeSpan AcknowledgeWithin,
    [property: Id(2)] TimeSpan ResolveWithin);
