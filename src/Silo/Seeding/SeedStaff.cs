namespace Gongzhi.Silo.Seeding;

/// <summary>The shape of <c>seeds/staff.json</c>: every staff account of the demo world.</summary>
public sealed record SeedStaff(IReadOnlyList<SeedStaffAccount> Accounts);

/// <summary>One demo staff account; its password is the configured demo password.</summary>
public sealed record SeedStaffAccount(string Username, string DisplayName, string Role, string Scope);
