namespace Gongzhi.Staff;

/// <summary>
/// A staff member's account as ASP.NET Core Identity reads and writes it: who they are, what they may do, and the
/// Identity fields (password hash, security stamp, concurrency stamp, lockout). The open sessions stay in the grain.
/// </summary>
/// <param name="Username">Today's subject id (<c>ximen-dispatcher</c>, a cadre's id, <c>admin</c>): the <c>sub</c> of their tokens.</param>
/// <param name="Role">One of the staff roles (<c>cadre</c>, <c>dispatcher</c>, <c>department</c>, <c>leader</c>, <c>admin</c>).</param>
/// <param name="Scope">The community, sub-district, department or county id the role applies to.</param>
/// <param name="PasswordHash">Identity's password hash (its own format); null for an account that signs in elsewhere.</param>
/// <param name="SecurityStamp">Changes when the credentials change; a token carrying an older one is refused.</param>
/// <param name="ConcurrencyStamp">Changes on every write; a write made from an older copy is refused.</param>
[GenerateSerializer, Immutable, Alias("gongzhi.StaffAccount")]
public sealed record StaffAccount(
    [property: Id(0)] string Username,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] string Scope,
    [property: Id(4)] string? PasswordHash,
    [property: Id(5)] string SecurityStamp,
    [property: Id(6)] string ConcurrencyStamp)
{
    /// <summary>Until when sign-in is refused after repeated failures; null or past means not locked out.</summary>
    [Id(7)]
    public DateTimeOffset? LockoutEnd { get; init; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    [Id(8)]
    public int AccessFailedCount { get; init; }

    /// <summary>A disabled account cannot sign in and its sessions have ended.</summary>
    [Id(9)]
    public bool Disabled { get; init; }
}
