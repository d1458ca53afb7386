namespace Gongzhi.Gateway.Auth;

/// <summary>How staff tokens are signed and checked.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC-SHA256 signing key, at least 32 characters.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "gongzhi";

    public string Audience { get; set; } = "gongzhi-staff";

    /// <summary>How long a token lasts; the pages renew it at about two thirds of this.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Maps <c>/api/v1/dev/token</c> (any role, loopback callers only): for the gateway's own tests, never in a deployment.</summary>
    public bool DevTokens { get; set; }
}
