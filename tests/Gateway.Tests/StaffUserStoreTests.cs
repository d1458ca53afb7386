using Gongzhi.Gateway.Auth;
using Gongzhi.Staff;
using Microsoft.AspNetCore.Identity;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>Identity's user manager over the account grains: two admins changing one account at once cannot both win.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StaffUserStoreTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_change_made_from_an_older_copy_is_a_concurrency_failure_and_stores_nothing()
    {
        var username = await CreateAsync(fixture.Flow);
        await UsersAsync(fixture.Flow, async users =>
        {
            var first = (await users.FindByNameAsync(username))!;
            var second = (await users.FindByNameAsync(username))!;
            first.DisplayName = "第一位";
            Assert.True((await users.UpdateAsync(first)).Succeeded);

            second.DisplayName = "第二位";
            var result = await users.UpdateAsync(second);

            Assert.Equal([nameof(IdentityErrorDescriber.ConcurrencyFailure)], result.Errors.Select(e => e.Code));
            Assert.Equal("第一位", (await users.FindByNameAsync(username))!.DisplayName);
        });
    }

    [Fact]
    public async Task A_username_is_found_whatever_its_case_and_stored_as_given()
    {
        var username = await CreateAsync(fixture.Flow);
        await UsersAsync(fixture.Flow, async users =>
        {
            var found = await users.FindByNameAsync(" " + username.ToUpperInvariant());
            Assert.Equal(username, found?.Username);
            Assert.IsType<StaffUserManager>(users);
        });
        Assert.Equal("admin", StaffUsernames.Normalize(" ＡＤＭＩＮ "));
        Assert.Equal("\ud800abc", StaffUsernames.Normalize("\ud800ABC"));
    }
}
