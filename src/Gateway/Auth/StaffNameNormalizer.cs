using Gongzhi.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongzhi.Gateway.Auth;

/// <summary>Identity's name lookups use the account grain's key (<see cref="StaffUsernames.Normalize"/>), so the silo's seeding and the gateway agree.</summary>
public sealed class StaffNameNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : StaffUsernames.Normalize(name);

    public string? NormalizeEmail(string? email) => email is null ? null : StaffUsernames.Normalize(email);
}
