namespace Gongzhi.Gateway.Open311;

/// <summary>
/// The <c>api_key</c>s the admin issued to Open311 clients (issue 15): checks a key, counts the request against the
/// client's rate limit, and names the client. A revoked key is refused from the next request on the gateway where the
/// admin revoked it, and within <see cref="Open311KeyOptions.CacheLifetime"/> (5 s) on every other.
/// </summary>
public interface IOpen311ApiKeys
{
    ValueTask<ApiKeyCheck> CheckAsync(string? apiKey, CancellationToken cancellationToken);
}

/// <summary>The answer for one request: the client's id when <see cref="ApiKeyOutcome.Accepted"/>.</summary>
public sealed record ApiKeyCheck(ApiKeyOutcome Outcome, string? ClientId = null, TimeSpan? RetryAfter = null);

public enum ApiKeyOutcome
{
    Accepted,
    Missing,
    Unknown,
    Revoked,
    TooManyRequests,
}
