using System.Text.Json;
using Gongzhi.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongzhi.Silo.Seeding;

/// <summary>
/// Creates the demo world's staff accounts (<c>seeds/staff.json</c>) that do not exist yet, each with the demo
/// password hashed by Identity's own hasher (the same format the gateway's <c>UserManager</c> verifies). An account
/// that exists is left alone: a restart never resets a password or undoes an admin's change.
/// </summary>
internal static class StaffSeeder
{
    public static async Task<int> SeedAsync(IGrainFactory grains, string seedsPath, string demoPassword)
    {
        var file = Path.Combine(seedsPath, "staff.json");
        if (!File.Exists(file))
        {
            return 0;
        }

        var hasher = new PasswordHasher<StaffAccount>();
        var created = 0;
        foreach (var seed in Read(file))
        {
            var grain = grains.GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(seed.Username));
            if (await grain.GetAsync() is not null)
            {
                continue;
            }

            var account = new StaffAccount(seed.Username, seed.DisplayName, seed.Role, seed.Scope, null, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
            if (await grain.CreateAsync(account with { PasswordHash = hasher.HashPassword(account, demoPassword) }) == AccountWriteOutcome.Ok)
            {
                created++;
            }
        }

        return created;
    }

    public static IReadOnlyList<SeedStaffAccount> Read(string file) =>
        (JsonSerializer.Deserialize<SeedStaff>(File.ReadAllText(file), SeedWorld.Json) ?? throw new InvalidDataException($"{file} is empty.")).Accounts;
}
