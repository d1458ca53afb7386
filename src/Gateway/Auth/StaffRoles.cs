namespace Gongzhi.Gateway.Auth;

/// <summary>The roles a staff token may carry, and the claim names we use.</summary>
public static class StaffRoles
{
    public const string Cadre = "cadre";
    public const string Dispatcher = "dispatcher";
    public const string Admin = "admin";

    /// <summary>A county department's liaison (scope: the department id).</summary>
    public const string Department = "department";

    /// <summary>A county leader (scope: the county id).</summary>
    public const string Leader = "leader";

    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope";
    public const string SubjectClaim = "sub";

    /// <summary>The session a token belongs to (a sign-in); a token whose session ended is refused.</summary>
    public const string SessionClaim = "sid";

    /// <summary>The account's security stamp when the token was issued; a token with an older one is refused.</summary>
    public const string StampClaim = "stamp";

    /// <summary>The authorization policy of every staff route.</summary>
    public const string StaffPolicy = "staff";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Cadre, Dispatcher, Department, Leader, Admin };
}
