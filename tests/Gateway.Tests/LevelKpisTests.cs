using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The officials' KPIs (<c>GET /api/v1/metrics</c>): broken down by level and department, read by the official of a
/// sub-district, a department or the county; and <c>GET /api/v1/levels/mine</c>, which sends each to their page.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class LevelKpisTests(GatewayFixture fixture)
{
    private sealed record World(string East, string West, string Subdistrict, string County, string Department);

    /// <summary>Two communities of a sub-district of a county of their own, whose one category goes to a department.</summary>
    private async Task<World> NewWorldAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var world = new World($"east-{id}", $"west-{id}", $"sub-{id}", $"county-{id}", $"dept-{id}");
        var directory = fixture.Grains.GetGrain<ICommunityDirectoryGrain>(0);
        await directory.RegisterAsync(new CommunityPlace(world.East, world.Subdistrict, world.County));
        await directory.RegisterAsync(new CommunityPlace(world.West, world.Subdistrict, world.County));
        await fixture.Grains.GetGrain<ICountyCatalogGrain>(world.County).SeedAsync(
            [new CategoryInfo("noise", "噪音", "Noise", HandlingMode.DoItNow) { DepartmentId = world.Department }],
            [new SlaClassInfo("general", TimeSpan.FromHours(24), TimeSpan.FromDays(7))]);
        return world;
    }

    // A case's latest fact, as its grain sends it: where it is now, where it was resolved, and its category's department.
    private Task RecordAsync(string communityId, string caseId, CaseLevel level, bool resolved, string? department)
    {
        var submitted = DateTimeOffset.UtcNow.AddMinutes(-30);
        return fixture.Grains.GetGrain<IMetricsGrain>(communityId).RecordAsync(new CaseFact(
            caseId, communityId, "sub", "noise", CaseKind.Grievance, "wang-liqun", submitted, submitted, submitted.AddMinutes(5),
            submitted.AddHours(1), resolved ? submitted.AddMinutes(20) : null, submitted.AddDays(7), resolved ? level : null, null, null,
            Seq: 5, Level: level, DepartmentId: department));
    }

    private async Task<World> WorldWithCasesAsync()
    {
        var world = await NewWorldAsync();
        await RecordAsync(world.East, "a", CaseLevel.Community, resolved: true, world.Department);
        await RecordAsync(world.East, "b", CaseLevel.Community, resolved: true, null);
        await RecordAsync(world.West, "c", CaseLevel.Subdistrict, resolved: true, world.Department);
        await RecordAsync(world.West, "d", CaseLevel.Department, resolved: false, world.Department);
        await RecordAsync(world.West, "e", CaseLevel.Leader, resolved: true, null);
        return world;
    }

    private static async Task<JsonObject> ReportAsync(HttpClient client, string scope, int submitted) =>
        await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonObject>($"/api/v1/metrics?scope={scope}&period=day&by=level,department,community"))!,
            r => r["total"]!["submitted"]!.GetValue<int>() == submitted);

    private static Dictionary<string, (int Submitted, int Resolved)> Groups(JsonObject report, string breakdown) =>
        report["buckets"]!.AsArray().SelectMany(b => b![breakdown]!.AsArray())
            .GroupBy(g => g!["key"]?.GetValue<string>() ?? "none")
            .ToDictionary(g => g.Key, g => (g.Sum(x => x!["figures"]!["submitted"]!.GetValue<int>()), g.Sum(x => x!["figures"]!["resolved"]!.GetValue<int>())));

    [Fact]
    public async Task The_subdistrict_s_official_sees_how_many_cases_each_level_resolved_and_each_department_holds()
    {
        var world = await WorldWithCasesAsync();
        var official = await fixture.StaffAsync("dispatcher", "jiedao", world.Subdistrict);

        var report = await ReportAsync(official, world.Subdistrict, 5);

        // Resolved at each level: 2 in the community, 1 at the sub-district, 1 by the leader; one still with the department.
        Assert.Equal(new Dictionary<string, (int, int)>
        {
            ["community"] = (2, 2), ["subdistrict"] = (1, 1), ["department"] = (1, 0), ["leader"] = (1, 1),
        }, Groups(report, "byLevel"));
        Assert.Equal(new Dictionary<string, (int, int)> { [world.Department] = (3, 2), ["none"] = (2, 2) }, Groups(report, "byDepartment"));
        Assert.Equal(new Dictionary<string, (int, int)> { [world.East] = (2, 2), [world.West] = (3, 2) }, Groups(report, "byCommunity"));
        Assert.Equal(4, report["total"]!["resolved"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_department_s_liaison_sees_only_its_own_cases_across_the_county_and_the_leader_the_whole_county()
    {
        var world = await WorldWithCasesAsync();
        var liaison = await fixture.StaffAsync("department", "noise-liaison", world.Department);
        var leader = await fixture.StaffAsync("leader", "county-head", world.County);

        var mine = await ReportAsync(liaison, world.Department, 3);
        var county = await ReportAsync(leader, world.County, 5);

        Assert.Equal(new Dictionary<string, (int, int)> { [world.Department] = (3, 2) }, Groups(mine, "byDepartment"));
        Assert.Equal(5, county["total"]!["submitted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Officials_of_other_levels_are_refused_and_anonymous_callers_are_asked_who_they_are()
    {
        var world = await WorldWithCasesAsync();
        var outsiders = new[]
        {
            await fixture.StaffAsync("department", "other-liaison", "dept-elsewhere"),
            await fixture.StaffAsync("leader", "other-leader", "county-elsewhere"),
            await fixture.StaffAsync("dispatcher", "d-east", world.East),
            await fixture.StaffAsync("cadre", "wang-liqun", world.East),
        };

        foreach (var (scope, outsider) in new[] { world.Subdistrict, world.Department, world.County }.SelectMany(s => outsiders.Select(o => (s, o))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/v1/metrics?scope={scope}&period=day")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync($"/api/v1/metrics?scope={world.Department}&period=day")).StatusCode);
    }

    [Theory]
    [InlineData("dispatcher", "ximen", "community")]
    [InlineData("dispatcher", "wenshang-subdistrict", "subdistrict")]
    [InlineData("department", "petitions", "department")]
    [InlineData("leader", "wenshang", "leader")]
    public async Task Each_staff_member_learns_the_level_their_scope_owns(string role, string scope, string level)
    {
        var client = await fixture.StaffAsync(role, $"{role}-{scope}", scope);

        var mine = (await client.GetFromJsonAsync<JsonObject>("/api/v1/levels/mine"))!;

        Assert.Equal((level, scope, "wenshang"), (mine["level"]!.GetValue<string>(), mine["ownerId"]!.GetValue<string>(), mine["countyId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_scope_no_place_or_department_has_is_not_found_and_anonymous_callers_are_refused()
    {
        var nowhere = await fixture.StaffAsync("department", "ghost", "no-such-department");

        Assert.Equal(HttpStatusCode.NotFound, (await nowhere.GetAsync("/api/v1/levels/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync("/api/v1/levels/mine")).StatusCode);
    }
}
