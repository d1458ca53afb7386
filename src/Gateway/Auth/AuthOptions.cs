namespace Gongzhi.Gateway.Auth;

/// <summary>How staff tokens are signed and checked.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC-SHA256 signing key, at least 32 characters.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "gongzhi";

    public string Audience { get; set; } = "gongzhi-staff";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
