namespace Gongzhi.Gateway.Open311;

/// <summary>The Open311 <c>api_key</c>s: the rate a client gets when the admin names none, and how long a gateway trusts what it knows of the keys.</summary>
public sealed class Open311KeyOptions
{
    public const string Section = "Open311:Keys";

    public const int MaxRequestsPerMinute = 10_000;

    /// <summary>Requests per minute per client, on each gateway, when the admin issues a client without a rate.</summary>
    public int DefaultRequestsPerMinute { get; set; } = 60;

    /// <summary>
    /// How long a gateway answers key checks from the clients it last read: a key issued or revoked on another gateway
    /// counts here at most this long after (on the gateway where the admin did it, at once).
    /// </summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(5);
}
