using Gongzhi.Administration;

namespace Gongzhi.Silo.Tests;

/// <summary>One day's audit log: entries in the order appended, each id once, kept across a reactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditLogTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Entries_are_kept_in_order_once_each_and_survive_reactivation()
    {
        var day = "2026-01-" + Random.Shared.Next(10, 29);
        var log = fixture.Client.GetGrain<IAuditLogGrain>(day + "-" + Guid.NewGuid().ToString("N")[..6]);
        var at = fixture.Time.GetUtcNow();
        AuditEntry first = new("a/r1", at, "admin", "cadre-create", "wang", "heating"), second = new("a/r2", at, "admin-li", "cadre-retire", "li", "ximen");

        await log.AppendAsync(first);
        await log.AppendAsync(second);
        await log.AppendAsync(first with { Detail = "a retry of the same entry" });
        await fixture.Cluster.DeactivateAsync(log);

        Assert.Equal([first, second], await log.ReadAsync());
    }
}
