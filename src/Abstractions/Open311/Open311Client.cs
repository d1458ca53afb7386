namespace Gongzhi.Open311;

/// <summary>
/// A client the admin issued an <c>api_key</c> to: who it is, how many requests per minute it may make, and the
/// SHA-256 hash (lowercase hex) of its key. <see cref="RevokedAt"/> set means its key is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.Open311Client")]
public sealed record Open311Client(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Contact,
    [property: Id(3)] int RequestsPerMinute,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt,
    [property: Id(6)] string KeyHash);
