namespace Gongzhi.Gateway.Auth;

/// <summary>
/// The county's own identity provider (OpenID Connect), off unless <see cref="Authority"/> is set: the gateway then
/// also accepts that provider's access tokens, with role and scope read from the claims named here.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The provider's issuer URL (its discovery document and signing keys are read from there); empty turns the option off.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the provider puts in tokens meant for Gongzhi.</summary>
    public string Audience { get; set; } = "gongzhi";

    /// <summary>Only for a provider on plain HTTP in a test set-up; a county's provider is HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim whose value becomes the username (<c>sub</c> of our tokens).</summary>
    public string UsernameClaim { get; set; } = "preferred_username";

    /// <summary>The claim carrying the role (may occur more than once; the first that maps to a staff role counts).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim carrying the community, sub-district, department or county id. Not <c>scope</c>, which OAuth uses for granted scopes.</summary>
    public string ScopeClaim { get; set; } = "gongzhi_scope";

    /// <summary>The provider's role values and the staff role each stands for; a value not listed counts as itself.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
