using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Administration;
using Gongzhi.Gateway.Open311;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>The admin issues Open311 clients their api_keys and revokes them; the gateway checks a key, its client's rate and its revocation.</summary>
[Collection(GatewayCollection.Name)]
public sealed class Open311KeysTests(GatewayFixture fixture)
{
    private const string Clients = "/api/v1/admin/open311-clients";

    private IOpen311ApiKeys Keys => fixture.Flow.Services.GetRequiredService<IOpen311ApiKeys>();

    private async Task<HttpClient> AdminAsync() => fixture.Flow.Bearer(await TokenAsync(fixture.Flow, "admin", GatewayFixture.DemoPassword));

    private static object NewClient(string name = "FixMyStreet Wenshang", int? requestsPerMinute = null) =>
        new { requestId = Guid.NewGuid().ToString("D"), name, contact = "ops@example.org", requestsPerMinute };

    private static async Task<(string Id, string Key)> IssueAsync(HttpClient admin, object body)
    {
        var answer = await admin.PostAsJsonAsync(Clients, body);
        Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        var issued = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        return (issued["client"]!["id"]!.GetValue<string>(), issued["apiKey"]!.GetValue<string>());
    }

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task An_admin_issues_a_key_that_is_accepted_listed_without_the_key_and_audited()
    {
        var admin = await AdminAsync();

        var (id, key) = await IssueAsync(admin, NewClient("城市仪表盘", 30));

        Assert.Equal(new ApiKeyCheck(ApiKeyOutcome.Accepted, id), await Keys.CheckAsync(key, None));
        var list = await admin.GetStringAsync(Clients);
        Assert.DoesNotContain(key, list);
        Assert.DoesNotContain(Open311KeyHashes.Hash(key), list);
        var listed = JsonNode.Parse(list)!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(("城市仪表盘", "ops@example.org", 30), (listed["name"]!.GetValue<string>(), listed["contact"]!.GetValue<string>(), listed["requestsPerMinute"]!.GetValue<int>()));
        Assert.Null(listed["revokedAt"]);
        var audit = (await fixture.Grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(DateTimeOffset.UtcNow)).ReadAsync()).Where(e => e.Target == id).ToArray();
        Assert.Equal(("admin", "open311-client-issue"), (Assert.Single(audit).Actor, audit[0].Action));
        Assert.DoesNotContain(key, audit[0].Detail);
    }

    [Fact]
    public async Task A_client_without_a_rate_gets_the_configured_default()
    {
        var (id, _) = await IssueAsync(await AdminAsync(), NewClient());

        var listed = (await (await AdminAsync()).GetFromJsonAsync<JsonArray>(Clients))!.Single(c => c!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(fixture.Flow.Services.GetRequiredService<IOptions<Open311KeyOptions>>().Value.DefaultRequestsPerMinute, listed["requestsPerMinute"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_issue_request_again_answers_the_same_client_and_only_the_latest_key_works()
    {
        var admin = await AdminAsync();
        var body = NewClient();

        var (firstId, firstKey) = await IssueAsync(admin, body);
        var (againId, againKey) = await IssueAsync(admin, body);

        Assert.Equal(firstId, againId);
        Assert.Equal(ApiKeyOutcome.Unknown, (await Keys.CheckAsync(firstKey, None)).Outcome);
        Assert.Equal(new ApiKeyCheck(ApiKeyOutcome.Accepted, firstId), await Keys.CheckAsync(againKey, None));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_on_the_gateway_that_revoked_it_and_revoking_again_is_harmless()
    {
        var admin = await AdminAsync();
        var (id, key) = await IssueAsync(admin, NewClient());
        Assert.Equal(ApiKeyOutcome.Accepted, (await Keys.CheckAsync(key, None)).Outcome);

        var revoked = await admin.PostAsync($"{Clients}/{id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull((await revoked.Content.ReadFromJsonAsync<JsonObject>())!["revokedAt"]);
        Assert.Equal(new ApiKeyCheck(ApiKeyOutcome.Revoked), await Keys.CheckAsync(key, None));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Clients}/{id}/revoke", null)).StatusCode);
        var audit = (await fixture.Grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(DateTimeOffset.UtcNow)).ReadAsync()).Where(e => e.Target == id);
        Assert.Equal(["open311-client-issue", "open311-client-revoke"], audit.Select(e => e.Action));
    }

    [Fact]
    public async Task Another_gateway_refuses_a_revoked_key_once_its_cache_lifetime_has_passed()
    {
        var admin = await AdminAsync();
        var (id, key) = await IssueAsync(admin, NewClient());
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new Open311KeyOptions();
        await using var other = new Open311ApiKeys(fixture.Grains, time, Options.Create(options));
        Assert.Equal(ApiKeyOutcome.Accepted, (await other.CheckAsync(key, None)).Outcome);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Clients}/{id}/revoke", null)).StatusCode);
        time.Advance(options.CacheLifetime);

        Assert.Equal(ApiKeyOutcome.Revoked, (await other.CheckAsync(key, None)).Outcome);
    }

    [Fact]
    public async Task No_key_and_a_key_nobody_issued_are_told_apart()
    {
        Assert.Equal(ApiKeyOutcome.Missing, (await Keys.CheckAsync(null, None)).Outcome);
        Assert.Equal(ApiKeyOutcome.Missing, (await Keys.CheckAsync(" ", None)).Outcome);
        Assert.Equal(new ApiKeyCheck(ApiKeyOutcome.Unknown), await Keys.CheckAsync(Open311KeyHashes.NewKey(), None));
    }

    [Fact]
    public async Task A_client_over_its_rate_is_refused_the_next_request_in_the_minute_with_when_to_retry()
    {
        var (id, key) = await IssueAsync(await AdminAsync(), NewClient(requestsPerMinute: 2));
        var (otherId, otherKey) = await IssueAsync(await AdminAsync(), NewClient(requestsPerMinute: 2));

        var checks = new List<ApiKeyCheck>();
        for (var i = 0; i < 3; i++)
        {
            checks.Add(await Keys.CheckAsync(key, None));
        }

        Assert.Equal([ApiKeyOutcome.Accepted, ApiKeyOutcome.Accepted, ApiKeyOutcome.TooManyRequests], checks.Select(c => c.Outcome));
        Assert.True(checks[2].RetryAfter > TimeSpan.Zero);
        Assert.Null(checks[2].ClientId);
        Assert.Equal(new ApiKeyCheck(ApiKeyOutcome.Accepted, otherId), await Keys.CheckAsync(otherKey, None));
        Assert.NotEqual(id, otherId);
    }

    [Fact]
    public async Task Only_an_admin_issues_lists_and_revokes_clients()
    {
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var anonymous = fixture.Flow.CreateClient();
        var (id, key) = await IssueAsync(await AdminAsync(), NewClient());

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync(Clients)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync(Clients, NewClient())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync($"{Clients}/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Clients)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Clients}/{id}/revoke", null)).StatusCode);
        Assert.Equal(ApiKeyOutcome.Accepted, (await Keys.CheckAsync(key, None)).Outcome);
    }

    [Fact]
    public async Task Bad_fields_are_refused_naming_each_and_an_unknown_client_is_not_found()
    {
        var admin = await AdminAsync();

        var bad = await admin.PostAsJsonAsync(Clients, new { requestId = "not-a-uuid", name = " ", contact = new string('c', 201), requestsPerMinute = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.Equal(["contact", "name", "requestId", "requestsPerMinute"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        var unknown = await admin.PostAsync($"{Clients}/client-0/revoke", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("api-client-not-found", await CodeAsync(unknown));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Clients}/{new string('x', 500)}/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task Issuing_again_for_a_revoked_client_is_refused()
    {
        var admin = await AdminAsync();
        var body = NewClient();
        var (id, _) = await IssueAsync(admin, body);
        await admin.PostAsync($"{Clients}/{id}/revoke", null);

        var again = await admin.PostAsJsonAsync(Clients, body);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("api-client-revoked", await CodeAsync(again));
    }
}
