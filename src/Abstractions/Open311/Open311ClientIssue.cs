using Gongzhi.Refusals;

namespace Gongzhi.Open311;

/// <summary>The answer to an issue: the client, or, when its request comes again after the client was revoked, the refusal.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.Open311ClientIssue")]
public sealed record Open311ClientIssue(
    [property: Id(0)] Open311Client? Client,
    [property: Id(1)] Refusal? Refusal);
