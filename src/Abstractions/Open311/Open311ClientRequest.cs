namespace Gongzhi.Open311;

/// <summary>The admin's request to issue a client; <paramref name="RequestId"/> (a UUID the admin's page makes) makes a retry harmless.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.Open311ClientRequest")]
public sealed record Open311ClientRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Contact,
    [property: Id(3)] int RequestsPerMinute);
