using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Tests;

/// <summary>The early warnings as staff read them (<c>GET /api/v1/alerts?scope=</c>) and the admin's thresholds per category.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SurgeAlertsApiTests(GatewayFixture fixture)
{
    /// <summary>A community of a sub-district of its own, where ten heating complaints from one building arrive at once.</summary>
    private async Task<(string Community, string Subdistrict)> SurgeAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var (community, subdistrict) = ($"surge-{id}", $"sub-{id}");
        var info = new CommunityInfo(community, "测试社区", "Test", subdistrict, "wenshang",
            [new CompoundInfo("east", "东区", "East", ["1", "2"])],
            [new CategoryInfo("heating", "供暖", "Heating", HandlingMode.DoItNow)])
        {
            SlaClasses = [new SlaClassInfo("general", TimeSpan.FromHours(24), TimeSpan.FromDays(7))],
        };
        await fixture.Grains.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(info, []));
        await fixture.Grains.GetGrain<ICommunityDirectoryGrain>(0).RegisterAsync(new CommunityPlace(community, subdistrict, "wenshang"));
        for (var i = 0; i < 10; i++)
        {
            var caseId = Guid.NewGuid().ToString("N")[..16];
            await fixture.Grains.GetGrain<ICaseGrain>(caseId).SubmitAsync(new CaseSubmission(caseId, community, CaseKind.Service, "heating", "暖气不热",
                new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, DateTimeOffset.UtcNow));
        }

        return (community, subdistrict);
    }

    [Fact]
    public async Task The_community_s_dispatcher_and_the_sub_district_s_official_read_the_one_warning_of_a_surge()
    {
        var (community, subdistrict) = await SurgeAsync();
        var dispatcher = await fixture.StaffAsync("dispatcher", "d-surge", community);
        var official = await fixture.StaffAsync("dispatcher", "s-surge", subdistrict);
        var admin = await fixture.StaffAsync("admin", "admin-surge", "wenshang");

        var alerts = (await dispatcher.GetFromJsonAsync<JsonArray>($"/api/v1/alerts?scope={community}"))!;

        var alert = Assert.Single(alerts)!;
        Assert.Equal((community, "east", "1", "heating"), (alert["communityId"]!.GetValue<string>(), alert["compound"]!.GetValue<string>(),
            alert["building"]!.GetValue<string>(), alert["category"]!.GetValue<string>()));
        Assert.Equal(60, alert["windowMinutes"]!.GetValue<int>());
        Assert.Equal(alert["count"]!.GetValue<int>(), alert["caseIds"]!.AsArray().Count);
        Assert.True(alert["expected"]!.GetValue<double>() < 1);
        var fromSubdistrict = (await official.GetFromJsonAsync<JsonArray>($"/api/v1/alerts?scope={subdistrict}"))!;
        Assert.Equal(alert["alertId"]!.GetValue<string>(), Assert.Single(fromSubdistrict)!["alertId"]!.GetValue<string>());
        Assert.Single((await admin.GetFromJsonAsync<JsonArray>($"/api/v1/alerts?scope={community}"))!);
    }

    [Fact]
    public async Task Staff_of_another_community_or_sub_district_are_refused_with_outside_scope()
    {
        var (community, subdistrict) = await SurgeAsync();
        var neighbour = await fixture.StaffAsync("dispatcher", "d-ximen", "ximen");
        var cadre = await fixture.StaffAsync("cadre", "c-surge", community);

        foreach (var (client, scope) in new[] { (neighbour, community), (neighbour, subdistrict), (cadre, community) })
        {
            var response = await client.GetAsync($"/api/v1/alerts?scope={scope}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("outside-scope", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync($"/api/v1/alerts?scope={community}")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?scope=")]
    [InlineData("?scope=no-such-place")]
    public async Task A_missing_or_unknown_scope_is_400_naming_scope(string query)
    {
        var admin = await fixture.StaffAsync("admin", "admin-surge", "wenshang");

        var response = await admin.GetAsync("/api/v1/alerts" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("scope"), problem.ToJsonString());
    }

    [Fact]
    public async Task An_admin_sets_a_category_s_surge_thresholds_and_the_change_is_audited()
    {
        var admin = await fixture.StaffAsync("admin", "admin-thresholds", "wenshang");
        var county = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/counties/wenshang"))!;
        var category = county["categories"]![0]!.AsObject();
        var route = $"/api/v1/admin/counties/wenshang/categories/{category["id"]}";
        var changed = category.DeepClone().AsObject();
        changed["surgeMinCount"] = 5;
        changed["surgeWindowMinutes"] = 120;
        changed["surgePValue"] = 0.0001;

        try
        {
            (await admin.PutAsJsonAsync(route, changed)).EnsureSuccessStatusCode();

            var now = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/counties/wenshang"))!["categories"]!.AsArray()
                .Single(c => c!["id"]!.GetValue<string>() == category["id"]!.GetValue<string>())!;
            Assert.Equal((5, 120, 0.0001), (now["surgeMinCount"]!.GetValue<int>(), now["surgeWindowMinutes"]!.GetValue<int>(), now["surgePValue"]!.GetValue<double>()));
            var log = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/admin/audit"))!;
            Assert.Contains(log, e => e!["actor"]!.GetValue<string>() == "admin-thresholds" && e["detail"]!.GetValue<string>().Contains("surge 5+ in 120 min", StringComparison.Ordinal));
        }
        finally
        {
            (await admin.PutAsJsonAsync(route, category)).EnsureSuccessStatusCode();
        }
    }

    [Theory]
    [InlineData("surgeMinCount", 1)]
    [InlineData("surgeWindowMinutes", 5)]
    [InlineData("surgeWindowMinutes", 2000)]
    [InlineData("surgePValue", 0.5)]
    [InlineData("surgePValue", 0)]
    public async Task A_threshold_out_of_range_is_400_naming_it(string field, double value)
    {
        var admin = await fixture.StaffAsync("admin", "admin-thresholds", "wenshang");
        var category = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/counties/wenshang"))!["categories"]![0]!.DeepClone().AsObject();
        category[field] = field == "surgePValue" ? JsonValue.Create(value) : JsonValue.Create((int)value);

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/counties/wenshang/categories/{category["id"]}", category);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }
}
