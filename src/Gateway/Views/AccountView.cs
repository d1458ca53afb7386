namespace Gongzhi.Gateway.Views;

/// <summary>A staff account as the admin page lists it; <paramref name="LockedUntil"/> is set while repeated failures lock it.</summary>
public sealed record AccountView(string Username, string DisplayName, string Role, string Scope, bool Disabled, DateTimeOffset? LockedUntil)
{
    public static AccountView From(StaffUser user, DateTimeOffset now) =>
        new(user.Username, user.DisplayName, user.Role, user.Scope, user.Disabled, user.LockoutEnd > now ? user.LockoutEnd : null);
}
