using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Auth;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>Staff sign in with a username and password, and their tokens stop working when their session ends.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SignInTests(GatewayFixture fixture)
{
    private const string Roster = "/api/v1/communities/ximen/roster";

    [Fact]
    public async Task A_signed_in_dispatcher_gets_a_token_that_opens_their_board_and_says_who_they_are()
    {
        var username = await CreateAsync(fixture.Flow, "dispatcher", "ximen");

        var response = await SignInAsync(fixture.Flow.CreateClient(), username);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("dispatcher", "ximen", username, "测试 " + username),
            (body["role"]!.GetValue<string>(), body["scope"]!.GetValue<string>(), body["username"]!.GetValue<string>(), body["displayName"]!.GetValue<string>()));
        var expiresAt = body["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        var client = fixture.Flow.Bearer(body["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Roster)).StatusCode);
        var me = (await client.GetFromJsonAsync<JsonObject>("/api/v1/auth/me"))!;
        Assert.Equal(username, me["username"]!.GetValue<string>());
        Assert.Equal(expiresAt.ToUnixTimeSeconds(), me["expiresAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("ximen-dispatcher", "dispatcher", "ximen")]
    [InlineData("wang-liqun", "cadre", "ximen")]
    [InlineData("heating-liaison", "department", "heating")]
    [InlineData("admin", "admin", "wenshang")]
    public async Task A_seeded_staff_member_signs_in_with_the_demo_password(string username, string role, string scope)
    {
        var body = (await (await SignInAsync(fixture.Flow.CreateClient(), username, GatewayFixture.DemoPassword)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal((role, scope), (body["role"]!.GetValue<string>(), body["scope"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_a_disabled_account_get_the_same_refusal()
    {
        var username = await CreateAsync(fixture.Flow);
        var disabled = await CreateAsync(fixture.Flow);
        await UsersAsync(fixture.Flow, async users =>
        {
            var user = (await users.FindByNameAsync(disabled))!;
            user.Disabled = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        var client = fixture.Flow.CreateClient();

        var answers = new[]
        {
            await SignInAsync(client, username, "not-the-password"),
            await SignInAsync(client, NewUsername("nobody")),
            await SignInAsync(client, disabled),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(async a =>
        {
            var body = (await a.Content.ReadFromJsonAsync<JsonObject>())!;
            body.Remove("traceId");
            return body.ToJsonString();
        }));
        Assert.Single(bodies.Distinct());
        Assert.Equal("sign-in-failed", JsonNode.Parse(bodies[0])!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"\\ud800abc\"", 400)]
    [InlineData("\"ＮＯＢＯＤＹ-ﬁ\"", 401)]
    [InlineData("12", 400)]
    [InlineData("\"\"", 400)]
    public async Task An_odd_username_is_refused_as_a_client_error(string usernameJson, int status)
    {
        var body = new StringContent($$"""{"username":{{usernameJson}},"password":"whatever-it-is"}""", System.Text.Encoding.UTF8, "application/json");

        var response = await fixture.Flow.CreateClient().PostAsync("/api/v1/auth/login", body);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_until_the_lockout_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = fixture.Gateway("intake").WithWebHostBuilder(web =>
        {
            web.UseSetting("Auth:Lockout:MaxFailedAccessAttempts", "3");
            web.UseSetting("Auth:Lockout:DefaultLockoutTimeSpan", "00:05:00");
            web.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
        });
        var username = await CreateAsync(gateway);
        var client = gateway.CreateClient();

        Assert.Equal("sign-in-failed", await CodeAsync(await SignInAsync(client, username, "wrong-1")));
        Assert.Equal("sign-in-failed", await CodeAsync(await SignInAsync(client, username, "wrong-2")));
        Assert.Equal("account-locked", await CodeAsync(await SignInAsync(client, username, "wrong-3")));

        var locked = await SignInAsync(client, username);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), locked.Headers.RetryAfter?.Delta);
        var body = (await locked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("account-locked", body["code"]!.GetValue<string>());
        Assert.Equal(time.GetUtcNow().AddMinutes(5), body["args"]!["until"]!.GetValue<DateTimeOffset>());

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("account-locked", await CodeAsync(await SignInAsync(client, username)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, username)).StatusCode);
    }

    [Fact]
    public async Task After_sign_out_the_token_is_refused_and_cannot_be_renewed()
    {
        var username = await CreateAsync(fixture.Flow);
        var client = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Roster)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/renew", null)).StatusCode);
    }

    [Fact]
    public async Task A_renewed_token_belongs_to_the_same_session_and_ends_with_it()
    {
        var username = await CreateAsync(fixture.Flow);
        var first = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));

        var renewed = await first.PostAsync("/api/v1/auth/renew", null);

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var second = fixture.Flow.Bearer((await renewed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Roster)).StatusCode);
        await second.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(Roster)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_the_new_one_works()
    {
        var username = await CreateAsync(fixture.Flow);
        var phone = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));
        var desk = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, username));

        Assert.Equal("sign-in-failed", await CodeAsync(await desk.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "wrong-one", newPassword = "a-much-better-password" })));
        Assert.Equal("invalid-fields", await CodeAsync(await desk.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Password, newPassword = "short" })));
        var changed = await desk.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Password, newPassword = "a-much-better-password" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync(Roster)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.GetAsync(Roster)).StatusCode);
        var fresh = fixture.Flow.Bearer((await changed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(Roster)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(fixture.Flow.CreateClient(), username)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fixture.Flow.CreateClient(), username, "a-much-better-password")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_or_resetting_its_password_ends_its_sessions()
    {
        var disabled = await CreateAsync(fixture.Flow);
        var reset = await CreateAsync(fixture.Flow);
        var disabledClient = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, disabled));
        var resetClient = fixture.Flow.Bearer(await TokenAsync(fixture.Flow, reset));

        await UsersAsync(fixture.Flow, async users =>
        {
            var user = (await users.FindByNameAsync(disabled))!;
            user.Disabled = true;
            await users.UpdateSecurityStampAsync(user);
            var other = (await users.FindByNameAsync(reset))!;
            Assert.True((await ((StaffUserManager)users).SetNewPasswordAsync(other, "another-good-password")).Succeeded);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await disabledClient.GetAsync(Roster)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await resetClient.GetAsync(Roster)).StatusCode);
    }

    [Fact]
    public async Task A_dev_token_changes_no_password_and_counts_no_failure_against_the_account()
    {
        var username = await CreateAsync(fixture.Flow);
        var devToken = await fixture.TokenAsync("dispatcher", username, "ximen");

        for (var i = 0; i < 6; i++)
        {
            var refused = await fixture.Flow.Bearer(devToken).PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "wrong-" + i, newPassword = "a-much-better-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fixture.Flow.CreateClient(), username)).StatusCode);
    }

    [Fact]
    public async Task A_token_of_no_session_is_refused_where_dev_tokens_are_off()
    {
        await using var production = fixture.Gateway(fixture.QuietQueueName, "Development", devTokens: false);
        var devToken = await fixture.TokenAsync("dispatcher", "d1", "ximen");

        Assert.Equal(HttpStatusCode.Unauthorized, (await production.Bearer(devToken).GetAsync(Roster)).StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_are_issued_to_loopback_callers_only()
    {
        var remote = await fixture.Flow.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/v1/dev/token";
            c.Request.ContentType = "application/json";
            var body = """{"role":"admin","subject":"x","scope":"wenshang"}"""u8.ToArray();
            c.Request.Body = new MemoryStream(body);
            c.Request.ContentLength = body.Length;
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        });

        var answer = await new StreamReader(remote.Response.Body).ReadToEndAsync();
        Assert.True(remote.Response.StatusCode == (int)HttpStatusCode.Forbidden, answer);
        Assert.Equal("forbidden", JsonNode.Parse(answer)!["code"]!.GetValue<string>());
    }
}
