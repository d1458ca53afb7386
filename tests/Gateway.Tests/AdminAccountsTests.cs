using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Administration;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>The admin manages staff accounts through the API; every change is audited and the ones that take rights away end sessions.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AdminAccountsTests(GatewayFixture fixture)
{
    private const string Accounts = "/api/v1/admin/accounts";
    private const string Roster = "/api/v1/communities/ximen/roster";

    private async Task<HttpClient> AdminAsync() => fixture.Flow.Bearer(await TokenAsync(fixture.Flow, "admin", GatewayFixture.DemoPassword));

    private async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string username) =>
        (await fixture.Grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(DateTimeOffset.UtcNow)).ReadAsync()).Where(e => e.Target == username).ToArray();

    [Fact]
    public async Task An_admin_creates_an_account_that_signs_in_is_listed_and_audited()
    {
        var admin = await AdminAsync();
        var username = NewUsername("cadre");

        var created = await admin.PostAsJsonAsync(Accounts, new { username, displayName = "新干部", role = "cadre", scope = "ximen", password = Password });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fixture.Flow.CreateClient(), username)).StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonArray>(Accounts))!.Single(a => a!["username"]!.GetValue<string>() == username)!;
        Assert.Equal(("新干部", "cadre", "ximen", false), (listed["displayName"]!.GetValue<string>(), listed["role"]!.GetValue<string>(), listed["scope"]!.GetValue<string>(), listed["disabled"]!.GetValue<bool>()));
        var entry = Assert.Single(await AuditOfAsync(username));
        Assert.Equal(("admin", "account-create"), (entry.Actor, entry.Action));
        Assert.DoesNotContain(Password, entry.Detail);
    }

    [Fact]
    public async Task A_taken_username_a_bad_role_and_a_weak_password_are_refused_with_their_codes()
    {
        var admin = await AdminAsync();
        var taken = await CreateAsync(fixture.Flow);

        Assert.Equal("username-taken", await CodeAsync(await admin.PostAsJsonAsync(Accounts, new { username = taken, displayName = "x", role = "cadre", scope = "ximen", password = Password })));
        var bad = await admin.PostAsJsonAsync(Accounts, new { username = NewUsername(), displayName = "x", role = "mayor", scope = "ximen", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"role\"", await bad.Content.ReadAsStringAsync());
        var weak = await admin.PostAsJsonAsync(Accounts, new { username = NewUsername(), displayName = "x", role = "cadre", scope = "ximen", password = "short" });
        Assert.Contains("\"password\"", await weak.Content.ReadAsStringAsync());
        var upper = await admin.PostAsJsonAsync(Accounts, new { username = "Has Space", displayName = "x", role = "cadre", scope = "ximen", password = Password });
        Assert.Contains("\"username\"", await upper.Content.ReadAsStringAsync());
        Assert.Equal("account-not-found", await CodeAsync(await admin.PostAsync($"{Accounts}/{NewUsername("nobody")}/disable", null)));
    }

    [Fact]
    public async Task Only_an_admin_manages_accounts()
    {
        var dispatcher = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, await CreateAsync(fixture.Flow)));

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync(Accounts)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync(Accounts)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_and_sign_in_until_enabled_again()
    {
        var admin = await AdminAsync();
        var username = await CreateAsync(fixture.Flow);
        var staff = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{Accounts}/{username}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(Roster)).StatusCode);
        Assert.Equal("sign-in-failed", await CodeAsync(await SignInAsync(fixture.Flow.CreateClient(), username)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{Accounts}/{username}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fixture.Flow.CreateClient(), username)).StatusCode);
        Assert.Equal(["account-disable", "account-enable"], (await AuditOfAsync(username)).Select(e => e.Action).Order());
    }

    [Fact]
    public async Task A_reset_password_ends_the_sessions_and_only_the_new_password_signs_in()
    {
        var admin = await AdminAsync();
        var username = await CreateAsync(fixture.Flow);
        var staff = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));

        Assert.Equal("invalid-fields", await CodeAsync(await admin.PostAsJsonAsync($"{Accounts}/{username}/password", new { newPassword = "short" })));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"{Accounts}/{username}/password", new { newPassword = "set-by-the-admin" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(Roster)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(fixture.Flow.CreateClient(), username)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fixture.Flow.CreateClient(), username, "set-by-the-admin")).StatusCode);
        Assert.Contains(await AuditOfAsync(username), e => e.Action == "account-password-reset");
    }

    [Fact]
    public async Task A_new_role_or_scope_ends_the_sessions_that_carry_the_old_one()
    {
        var admin = await AdminAsync();
        var username = await CreateAsync(fixture.Flow, "dispatcher", "ximen");
        var staff = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));

        var updated = await admin.PutAsJsonAsync($"{Accounts}/{username}", new { displayName = "改任", role = "department", scope = "heating" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(Roster)).StatusCode);
        var signedIn = (await (await SignInAsync(fixture.Flow.CreateClient(), username)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("department", "heating", "改任"), (signedIn["role"]!.GetValue<string>(), signedIn["scope"]!.GetValue<string>(), signedIn["displayName"]!.GetValue<string>()));
        Assert.Contains(await AuditOfAsync(username), e => e is { Action: "account-update", Actor: "admin" } && e.Detail.Contains("role=department", StringComparison.Ordinal));
    }
}
