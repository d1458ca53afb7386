using System.Text.Json;
using Gongzhi.Silo.Seeding;
using Gongzhi.Staff;
using Gongzhi.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Tests;

/// <summary>The demo world's staff accounts: who they are, and that seeding creates them once and never resets them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StaffSeedsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string DemoPassword = "gongzhi-demo-2026";

    private static readonly IReadOnlyList<SeedStaffAccount> Accounts = StaffSeeder.Read(Path.Combine(RepoPaths.Seeds, "staff.json"));

    [Fact]
    public void Every_cadre_of_every_community_has_an_account_of_their_community_and_each_level_has_its_officials()
    {
        foreach (var community in SeedLoader.Read(RepoPaths.Seeds))
        {
            Assert.All(community.Cadres, c => Assert.Contains(new SeedStaffAccount(c.Id, c.Name, "cadre", community.Info.Id), Accounts));
        }

        var world = JsonSerializer.Deserialize<SeedWorld>(File.ReadAllText(Path.Combine(RepoPaths.Seeds, "world.json")), SeedWorld.Json)!;
        Assert.All(world.Departments, d => Assert.Contains(Accounts, a => a.Role == "department" && a.Scope == d.Id));
        Assert.Contains(Accounts, a => a is { Username: "admin", Role: "admin", Scope: "wenshang" });
        Assert.Contains(Accounts, a => a is { Username: "ximen-dispatcher", Role: "dispatcher", Scope: "ximen" });
        Assert.Contains(Accounts, a => a is { Role: "leader", Scope: "wenshang" });
        Assert.Contains(Accounts, a => a is { Role: "dispatcher", Scope: "wenshang-subdistrict" });
        Assert.Equal(Accounts.Count, Accounts.Select(a => StaffUsernames.Normalize(a.Username)).Distinct().Count());
    }

    [Fact]
    public async Task Demo_accounts_are_created_only_with_a_demo_password_and_a_restart_keeps_an_admin_s_change()
    {
        var admin = fixture.Client.GetGrain<IStaffAccountGrain>("admin");
        await Loader(demoPassword: null).StartAsync(default);
        Assert.Null(await admin.GetAsync());

        await Loader(DemoPassword).StartAsync(default);

        var created = (await admin.GetAsync())!;
        Assert.Equal(("admin", "wenshang"), (created.Role, created.Scope));
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<StaffAccount>().VerifyHashedPassword(created, created.PasswordHash!, DemoPassword));
        foreach (var account in Accounts)
        {
            Assert.NotNull(await fixture.Client.GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(account.Username)).GetAsync());
        }

        var renamed = created with { DisplayName = "另一位管理员", ConcurrencyStamp = "changed" };
        await admin.UpdateAsync(created.ConcurrencyStamp, renamed);
        await Loader(DemoPassword).StartAsync(default);
        Assert.Equal(renamed, await admin.GetAsync());
    }

    private SeedLoader Loader(string? demoPassword) =>
        new(fixture.Client, Options.Create(new SeedOptions { Path = RepoPaths.Seeds, DemoPassword = demoPassword }), NullLogger<SeedLoader>.Instance);
}
