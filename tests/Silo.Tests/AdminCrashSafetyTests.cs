using Gongzhi.Administration;
using Gongzhi.Communities;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// An admin's change when storage fails at each write it makes: the admin sees an error, sends the same request again,
/// and then the change is made and audited exactly once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AdminCrashSafetyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Theory]
    [InlineData("community", StorageFault.FailsBeforeStoring)]
    [InlineData("community", StorageFault.TimesOutAfterStoring)]
    [InlineData("audit", StorageFault.FailsBeforeStoring)]
    [InlineData("audit", StorageFault.TimesOutAfterStoring)]
    public async Task A_change_cut_short_by_storage_is_made_and_audited_once_when_sent_again(string row, StorageFault fault)
    {
        var cadre = UniqueCadreId("crash");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var grain = Client.GetGrain<ICommunityGrain>(community);
        var change = Cadre(cadre, true, "heating", "dispute");
        var day = AuditDays.KeyOf(fixture.Time.GetUtcNow());
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == row && c.Key == (row == "audit" ? day : community), fault);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.PutCadreAsync(change, "admin"));
        var again = await grain.PutCadreAsync(change, "admin");

        Assert.Equal(WorldEdit.Done, again);
        Assert.Equal(["heating", "dispute"], (await grain.GetProfilesAsync()).Single().Categories);
        var audited = (await Client.GetGrain<IAuditLogGrain>(day).ReadAsync()).Where(e => e.Target == cadre);
        Assert.Equal("cadre-update", Assert.Single(audited).Action);
    }
}
