using Gongzhi.Administration;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Refusals;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>A county's categories and SLA classes: changed by an admin, given to each of its communities, kept when the seeds load again.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CountyCatalogTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_new_category_reaches_every_community_of_the_county_and_its_cases_take_its_terms()
    {
        fixture.Time.AdvanceToNext(new TimeOnly(10, 0), DayOfWeek.Wednesday);
        var (county, communities) = await NewCountyAsync(2);
        var catalog = Client.GetGrain<ICountyCatalogGrain>(county);
        await catalog.PutSlaClassAsync(new SlaClassInfo("quick", TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)), "admin");
        var edit = await catalog.PutCategoryAsync(new CategoryInfo("parking", "停车", "Parking", HandlingMode.LeadThrough) { SlaClass = "quick" }, "admin");
        var cadre = UniqueCadreId("park");
        await Client.GetGrain<ICommunityGrain>(communities[0]).PutCadreAsync(Cadre(cadre, true, "parking"), "admin");

        Assert.Equal(WorldEdit.Done, edit);
        foreach (var id in communities)
        {
            Assert.Contains((await Client.GetGrain<ICommunityGrain>(id).GetInfoAsync())!.Categories, c => c.Id == "parking");
        }

        var submission = fixture.Submission(communities[0], "parking");
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        var parked = (await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!;
        Assert.Equal((HandlingMode.LeadThrough, cadre), (parked.Mode, parked.AssigneeId));
        Assert.Equal(submission.SubmittedAt + TimeSpan.FromHours(4), parked.Deadlines.ResolveBy);
        Assert.Equal(["sla-class-create", "category-create"], (await AuditAsync()).Where(e => e.Id.StartsWith($"county-catalog/{county}/", StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Fact]
    public async Task The_seeds_do_not_undo_an_admin_s_catalog_and_a_catalog_never_seeded_takes_no_change()
    {
        var (county, communities) = await NewCountyAsync(1);
        var catalog = Client.GetGrain<ICountyCatalogGrain>(county);
        var seeded = Info("x");
        await catalog.PutCategoryAsync(seeded.Categories[0] with { Name = "暖气" }, "admin");

        var inForce = await catalog.SeedAsync(seeded.Categories, seeded.SlaClasses);

        Assert.Equal("暖气", inForce.Categories.Single(c => c.Id == "heating").Name);
        Assert.Equal("暖气", (await Client.GetGrain<ICommunityGrain>(communities[0]).GetInfoAsync())!.Categories.Single(c => c.Id == "heating").Name);
        Assert.Equal(CommandOutcome.NotFound, (await Client.GetGrain<ICountyCatalogGrain>("never-" + county).PutSlaClassAsync(new SlaClassInfo("x", TimeSpan.FromHours(1), TimeSpan.FromHours(2)), "admin")).Outcome);
        Assert.Null(await Client.GetGrain<ICountyCatalogGrain>("never-" + county).GetAsync());
    }

    [Fact]
    public async Task A_category_naming_an_SLA_class_the_county_lacks_is_refused_naming_the_field()
    {
        var (county, _) = await NewCountyAsync(1);

        var edit = await Client.GetGrain<ICountyCatalogGrain>(county).PutCategoryAsync(
            new CategoryInfo("parking", "停车", "Parking", HandlingMode.DoItNow) { SlaClass = "general", SlaClassByKind = new Dictionary<CaseKind, string> { [CaseKind.Suggestion] = "slow" } }, "admin");

        Assert.Equal((RefusalCodes.InvalidFields, "slaClassByKind.suggestion"), (edit.Refusal?.Code, edit.Refusal?.Args["field"]));
        Assert.DoesNotContain((await Client.GetGrain<ICountyCatalogGrain>(county).GetAsync())!.Categories, c => c.Id == "parking");
    }

    // A county of its own, seeded with the test community's catalog, and its communities in the directory.
    private async Task<(string County, string[] Communities)> NewCountyAsync(int count)
    {
        var county = "county-" + Guid.NewGuid().ToString("N")[..8];
        var communities = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = "c-" + Guid.NewGuid().ToString("N")[..10];
            var info = Info(id) with { CountyId = county };
            await Client.GetGrain<ICommunityGrain>(id).ConfigureAsync(new CommunityDefinition(info, []));
            await Client.GetGrain<ICommunityDirectoryGrain>(0).RegisterAsync(new CommunityPlace(id, info.SubdistrictId, county));
            communities.Add(id);
        }

        var seeded = Info("x");
        await Client.GetGrain<ICountyCatalogGrain>(county).SeedAsync(seeded.Categories, seeded.SlaClasses);
        return (county, [.. communities]);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        await Client.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(fixture.Time.GetUtcNow())).ReadAsync();
}
