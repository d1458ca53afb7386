using Gongzhi.Administration;
using Gongzhi.Open311;
using Gongzhi.Refusals;
using Gongzhi.Silo.Tests.Faults;

namespace Gongzhi.Silo.Tests;

/// <summary>The admin issues Open311 clients and revokes them: each change is stored with its audit entry, a retried issue makes no second client.</summary>
[Collection(ClusterCollection.Name)]
public sealed class Open311ClientsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IOpen311ClientsGrain Clients => fixture.Client.GetGrain<IOpen311ClientsGrain>(0);

    private async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string clientId) =>
        (await fixture.Client.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(fixture.Time.GetUtcNow())).ReadAsync()).Where(e => e.Target == clientId).ToArray();

    internal static Open311ClientRequest Request(string name = "FixMyStreet Wenshang", int rate = 30) =>
        new(Guid.NewGuid().ToString("D"), name, "ops@example.org", rate);

    internal static string NewHash() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task An_issued_client_is_listed_with_its_rate_and_the_hash_of_its_key_and_audited()
    {
        var hash = NewHash();

        var issued = await Clients.IssueAsync(Request("城市仪表盘"), hash, "admin");

        var client = Assert.IsType<Open311Client>(issued.Client);
        Assert.Equal(("城市仪表盘", "ops@example.org", 30, hash, (DateTimeOffset?)null), (client.Name, client.Contact, client.RequestsPerMinute, client.KeyHash, client.RevokedAt));
        Assert.Equal(fixture.Time.GetUtcNow(), client.CreatedAt);
        Assert.Contains(client, await Clients.ListAsync());
        var entry = Assert.Single(await AuditOfAsync(client.Id));
        Assert.Equal(("admin", "open311-client-issue"), (entry.Actor, entry.Action));
        Assert.DoesNotContain(hash, entry.Detail);
    }

    [Fact]
    public async Task The_same_request_again_answers_the_same_client_whose_key_is_now_the_retrys()
    {
        var request = Request();
        var first = (await Clients.IssueAsync(request, NewHash(), "admin")).Client!;
        var retryHash = NewHash();

        var again = (await Clients.IssueAsync(request, retryHash, "admin")).Client!;

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(retryHash, again.KeyHash);
        Assert.Equal(again, Assert.Single(await Clients.ListAsync(), c => c.Id == first.Id));
        Assert.Equal(["open311-client-issue", "open311-client-reissue"], (await AuditOfAsync(first.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_revoked_client_stays_listed_as_revoked_and_revoking_again_changes_nothing()
    {
        var request = Request();
        var client = (await Clients.IssueAsync(request, NewHash(), "admin")).Client!;
        fixture.Time.Advance(TimeSpan.FromMinutes(3));

        var revoked = await Clients.RevokeAsync(client.Id, "admin");
        var again = await Clients.RevokeAsync(client.Id, "admin");

        Assert.Equal(fixture.Time.GetUtcNow(), revoked!.RevokedAt);
        Assert.Equal(revoked, again);
        Assert.Equal(revoked, Assert.Single(await Clients.ListAsync(), c => c.Id == client.Id));
        Assert.Equal(["open311-client-issue", "open311-client-revoke"], (await AuditOfAsync(client.Id)).Select(e => e.Action));
        var refused = await Clients.IssueAsync(request, NewHash(), "admin");
        Assert.Null(refused.Client);
        Assert.Equal((RefusalCodes.ApiClientRevoked, client.Id), (refused.Refusal!.Code, refused.Refusal.Args["clientId"]));
    }

    [Fact]
    public async Task Revoking_an_unknown_client_answers_nothing()
    {
        Assert.Null(await Clients.RevokeAsync("client-999999", "admin"));
    }

    [Theory]
    [InlineData(StorageFault.FailsBeforeStoring)]
    [InlineData(StorageFault.TimesOutAfterStoring)]
    public async Task An_issue_cut_short_by_storage_and_sent_again_makes_one_client_audited_once(StorageFault fault)
    {
        var request = Request(name: "retry-" + fault);
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == "open311-clients", fault);

        await Assert.ThrowsAnyAsync<Exception>(() => Clients.IssueAsync(request, NewHash(), "admin"));
        var hash = NewHash();
        var client = (await Clients.IssueAsync(request, hash, "admin")).Client!;

        Assert.Equal(hash, Assert.Single(await Clients.ListAsync(), c => c.Name == request.Name).KeyHash);
        Assert.Single(await AuditOfAsync(client.Id), e => e.Action == "open311-client-issue");
    }
}

/// <summary>The clients and their revocations are stored: a restarted silo knows them.</summary>
public sealed class Open311ClientsRestartTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task A_revoked_client_is_still_revoked_and_an_issued_one_still_valid_after_the_silo_restarts()
    {
        var clients = fixture.Client.GetGrain<IOpen311ClientsGrain>(0);
        var kept = (await clients.IssueAsync(Open311ClientsTests.Request("kept"), Open311ClientsTests.NewHash(), "admin")).Client!;
        var gone = (await clients.IssueAsync(Open311ClientsTests.Request("gone"), Open311ClientsTests.NewHash(), "admin")).Client!;
        var revoked = await clients.RevokeAsync(gone.Id, "admin");

        await fixture.RestartAsync();

        var listed = await fixture.Client.GetGrain<IOpen311ClientsGrain>(0).ListAsync();
        Assert.Equal(kept, Assert.Single(listed, c => c.Id == kept.Id));
        Assert.Equal(revoked, Assert.Single(listed, c => c.Id == gone.Id));
    }
}
