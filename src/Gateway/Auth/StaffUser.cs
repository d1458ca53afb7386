using Gongzhi.Staff;

namespace Gongzhi.Gateway.Auth;

/// <summary>A staff account as ASP.NET Core Identity's <c>UserManager</c> works on it; stored as a <see cref="StaffAccount"/> by <see cref="StaffUserStore"/>.</summary>
public sealed class StaffUser
{
    public string Username { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = "";

    public string Scope { get; set; } = "";

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = "";

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public bool Disabled { get; set; }

    /// <summary>The key of the account's grain.</summary>
    public string Key => StaffUsernames.Normalize(Username);

    public StaffAccount ToAccount() =>
        new(Username, DisplayName, Role, Scope, PasswordHash, SecurityStamp, ConcurrencyStamp)
        {
            LockoutEnd = LockoutEnd,
            AccessFailedCount = AccessFailedCount,
            Disabled = Disabled,
        };

    public static StaffUser From(StaffAccount account) => new()
    {
        Username = account.Username,
        DisplayName = account.DisplayName,
        Role = account.Role,
        Scope = account.Scope,
        PasswordHash = account.PasswordHash,
        SecurityStamp = account.SecurityStamp,
        ConcurrencyStamp = account.ConcurrencyStamp,
        LockoutEnd = account.LockoutEnd,
        AccessFailedCount = account.AccessFailedCount,
        Disabled = account.Disabled,
    };
}
