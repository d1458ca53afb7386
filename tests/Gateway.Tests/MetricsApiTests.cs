using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;

namespace Gongzhi.Gateway.Tests;

/// <summary>The KPI routes: numbers from the facts the metrics hold, scopes and their checks, the 400s.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsApiTests(GatewayFixture fixture)
{
    /// <summary>Two communities of a sub-district of a county of their own, known to the directory.</summary>
    private async Task<(string East, string West, string Subdistrict, string County)> NewSubdistrictAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var (east, west, subdistrict, county) = ($"east-{id}", $"west-{id}", $"sub-{id}", $"county-{id}");
        var directory = fixture.Grains.GetGrain<ICommunityDirectoryGrain>(0);
        await directory.RegisterAsync(new CommunityPlace(east, subdistrict, county));
        await directory.RegisterAsync(new CommunityPlace(west, subdistrict, county));
        return (east, west, subdistrict, county);
    }

    // The cases of this branch do not report facts yet: the tests send them as a case grain would.
    private async Task RecordAsync(string communityId, string caseId, int acknowledgedAfterMinutes, SatisfactionRating? rating = null, CaseClosure? closure = null)
    {
        var submitted = DateTimeOffset.UtcNow.AddMinutes(-1);
        var resolved = rating is null && closure is null ? (DateTimeOffset?)null : submitted.AddMinutes(50);
        await fixture.Grains.GetGrain<IMetricsGrain>(communityId).RecordAsync(new CaseFact(
            caseId, communityId, "sub", "heating", CaseKind.Service, "wang-liqun", submitted, submitted,
            submitted.AddMinutes(acknowledgedAfterMinutes), submitted.AddMinutes(30), resolved, submitted.AddDays(1),
            resolved is null ? null : CaseLevel.Community, rating, closure));
    }

    private static JsonNode BucketWithCases(JsonObject report) =>
        report["buckets"]!.AsArray().Single(b => b!["total"]!["submitted"]!.GetValue<int>() > 0)!;

    private static async Task<JsonObject> ReportWhenAsync(HttpClient client, string url, Func<JsonObject, bool> done) =>
        await Eventually.GetAsync(async () => (await client.GetFromJsonAsync<JsonObject>(url))!, done);

    [Fact]
    public async Task A_community_dispatcher_reads_the_kpis_of_their_community_by_day_and_by_month()
    {
        var (east, _, _, _) = await NewSubdistrictAsync();
        await RecordAsync(east, "a", 10, SatisfactionRating.Satisfied, CaseClosure.Rated);
        await RecordAsync(east, "b", 20, SatisfactionRating.Basically, CaseClosure.Rated);
        await RecordAsync(east, "c", 40, SatisfactionRating.Satisfied, CaseClosure.NoResponse);
        await RecordAsync(east, "d", 45, SatisfactionRating.Unsatisfied, CaseClosure.Rated);
        var dispatcher = await fixture.StaffAsync("dispatcher", "d-east", east);

        var days = await ReportWhenAsync(dispatcher, $"/api/v1/metrics?scope={east}&period=day", r => r["total"]!["submitted"]!.GetValue<int>() == 4);

        Assert.Equal(east, days["scope"]!.GetValue<string>());
        Assert.Equal("day", days["period"]!.GetValue<string>());
        Assert.Equal("Asia/Shanghai", days["timeZone"]!.GetValue<string>());
        Assert.Equal(30, days["buckets"]!.AsArray().Count);
        Assert.EndsWith("+08:00", days["buckets"]![0]!["start"]!.GetValue<string>());
        var total = days["total"]!;
        Assert.Equal(1.0, total["acceptanceRate"]!.GetValue<double>());
        Assert.Equal(0.5, total["onTimeAcknowledgeRate"]!.GetValue<double>());
        Assert.Equal(2.0 / 3, total["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(1, total["noResponse"]!.GetValue<int>());
        Assert.Equal(20 * 60, total["medianSecondsToAcknowledge"]!.GetValue<double>());
        Assert.Equal(45 * 60, total["p90SecondsToAcknowledge"]!.GetValue<double>());
        var withCases = days["buckets"]!.AsArray().Where(b => b!["total"]!["submitted"]!.GetValue<int>() > 0).ToArray();
        Assert.InRange(withCases.Length, 1, 2);
        Assert.Contains(withCases, b => b!["byCadre"]!.AsArray().Any(g => g!["key"]!.GetValue<string>() == "wang-liqun"));

        var months = await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/metrics?scope={east}&period=month&by=category");
        Assert.Equal(12, months!["buckets"]!.AsArray().Count);
        Assert.Equal(4, months["total"]!["submitted"]!.GetValue<int>());
        var thisMonth = BucketWithCases(months);
        Assert.Empty(thisMonth["byCadre"]!.AsArray());
        Assert.Equal("heating", thisMonth["byCategory"]!.AsArray().Single()!["key"]!.GetValue<string>());

        var empty = await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/metrics?scope={east}&period=day&from=2026-01-01&to=2026-01-01");
        var bucket = empty!["buckets"]!.AsArray().Single()!;
        Assert.Equal("2026-01-01T00:00:00+08:00", bucket["start"]!.GetValue<string>());
        Assert.Null(bucket["total"]!["acceptanceRate"]);
    }

    [Fact]
    public async Task A_subdistrict_report_covers_its_communities_and_only_its_own_dispatchers_may_read_it()
    {
        var (east, west, subdistrict, county) = await NewSubdistrictAsync();
        await RecordAsync(east, "a", 10);
        await RecordAsync(west, "b", 20);
        await RecordAsync(west, "c", 60);

        var url = $"/api/v1/metrics?scope={subdistrict}&period=month&by=community";
        var ofSubdistrict = await fixture.StaffAsync("dispatcher", "d-sub", subdistrict);
        var report = await ReportWhenAsync(ofSubdistrict, url, r => r["total"]!["submitted"]!.GetValue<int>() == 3);
        var groups = BucketWithCases(report)["byCommunity"]!.AsArray();
        Assert.Equal([east, west], groups.Select(g => g!["key"]!.GetValue<string>()));
        Assert.Equal([1, 2], groups.Select(g => g!["figures"]!["submitted"]!.GetValue<int>()));
        Assert.Equal(20 * 60, report["total"]!["medianSecondsToAcknowledge"]!.GetValue<double>());

        var ofCounty = await fixture.StaffAsync("dispatcher", "d-county", county);
        Assert.Equal(HttpStatusCode.OK, (await ofCounty.GetAsync(url)).StatusCode);
        var admin = await fixture.StaffAsync("admin", "root", "anything");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/metrics?scope={county}&period=day")).StatusCode);

        var ofEast = await fixture.StaffAsync("dispatcher", "d-east", east);
        Assert.Equal(HttpStatusCode.Forbidden, (await ofEast.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ofEast.GetAsync($"/api/v1/metrics?scope={west}&period=day")).StatusCode);
        var cadre = await fixture.StaffAsync("cadre", "wang-liqun", east);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync($"/api/v1/metrics?scope={east}&period=day")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync($"/api/v1/metrics?scope={east}&period=day")).StatusCode);
    }

    [Fact]
    public async Task The_seeded_county_lists_its_communities()
    {
        await RecordAsync("ximen", "metrics-" + Guid.NewGuid().ToString("N")[..12], 5);
        var county = await fixture.StaffAsync("dispatcher", "d-wenshang", "wenshang");

        var report = await ReportWhenAsync(
            county,
            "/api/v1/metrics?scope=wenshang&period=month&by=community",
            r => r["buckets"]!.AsArray().Any(b => b!["byCommunity"]!.AsArray().Any(g => g!["key"]!.GetValue<string>() == "ximen")));

        Assert.Equal("wenshang", report["scope"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("period=day", "scope")]
    [InlineData("scope=ximen", "period")]
    [InlineData("scope=ximen&period=week", "period")]
    [InlineData("scope=nowhere&period=day", "scope")]
    [InlineData("scope=ximen&period=day&by=street", "by")]
    [InlineData("scope=ximen&period=day&from=yesterday", "from")]
    [InlineData("scope=ximen&period=day&from=2026-11-01T00:00:00", "from")]
    [InlineData("scope=ximen&period=day&to=2026-13-01", "to")]
    [InlineData("scope=ximen&period=day&from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("scope=ximen&period=day&from=2026-01-01&to=2026-12-31", "from")]
    public async Task Bad_query_values_get_a_400_naming_the_field(string query, string field)
    {
        var admin = await fixture.StaffAsync("admin", "root", "wenshang");

        var response = await admin.GetAsync($"/api/v1/metrics?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task The_summary_holds_today_and_this_month_of_one_community()
    {
        var (east, _, subdistrict, _) = await NewSubdistrictAsync();
        await RecordAsync(east, "a", 10);
        var dispatcher = await fixture.StaffAsync("dispatcher", "d-east", east);

        var summary = await ReportWhenAsync(dispatcher, $"/api/v1/metrics/summary?scope={east}", s => s["thisMonth"]!["submitted"]!.GetValue<int>() == 1);

        Assert.Equal(east, summary["communityId"]!.GetValue<string>());
        Assert.EndsWith("+08:00", summary["monthStart"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.GetAsync($"/api/v1/metrics/summary?scope={subdistrict}")).StatusCode);
        var elsewhere = await fixture.StaffAsync("dispatcher", "d-x", "dongguan");
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/api/v1/metrics/summary?scope={east}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_metrics_routes()
    {
        var doc = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        Assert.Contains("/api/v1/metrics", doc["paths"]!.AsObject().Select(p => p.Key));
        Assert.Contains("/api/v1/metrics/summary", doc["paths"]!.AsObject().Select(p => p.Key));
    }
}
