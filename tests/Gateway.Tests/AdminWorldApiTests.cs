using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The administration routes as an admin uses them: each test seeds a community of its own (a copy of Ximen with two
/// cadres on duty by hand) through the silo's seed loader, changes it through the API and checks what staff then see.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AdminWorldApiTests(GatewayFixture fixture) : IAsyncLifetime
{
    private readonly string _community = "adm-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "gongzhi-admin-seeds-" + Guid.NewGuid().ToString("N")[..8]);

    private string First => _community + "-first";

    private string Second => _community + "-second";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_seeds, "communities"));
        File.Copy(Path.Combine(RepoPaths.Seeds, "world.json"), Path.Combine(_seeds, "world.json"));
        var community = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "communities", "ximen.json")))!.AsObject();
        community["id"] = _community;
        community["cadres"] = new JsonArray(SeedCadre(First), SeedCadre(Second));
        await File.WriteAllTextAsync(Path.Combine(_seeds, "communities", _community + ".json"), community.ToJsonString());
        await fixture.LoadSeedsAsync(_seeds);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_seeds, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_admin_gives_a_cadre_a_shift_that_is_not_now_and_the_next_cases_go_to_the_other()
    {
        var admin = await AdminAsync();

        var response = await admin.PutAsJsonAsync(CadreRoute(First), Cadre(shifts: NotToday()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonObject>())!["onDuty"]!.GetValue<bool>());
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (caseId, token) = await fixture.SubmitAsync(Submission());
            await fixture.TrackUntilAsync(token, "assigned");
            var dispatcher = await fixture.StaffAsync("dispatcher", "test-dispatcher", _community);
            Assert.Equal(Second, (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!["assigneeId"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_change_is_in_the_day_s_audit_log_once_with_the_admin_s_name()
    {
        var admin = await AdminAsync("admin-zhao");

        (await admin.PutAsJsonAsync(CadreRoute(First), Cadre(categories: ["heating", "property"]))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync(CadreRoute(First), Cadre(categories: ["heating", "property"]))).EnsureSuccessStatusCode();

        var log = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/admin/audit"))!;
        var entry = Assert.Single(log, e => e!["target"]!.GetValue<string>() == First)!;
        Assert.Equal(("admin-zhao", "cadre-update"), (entry["actor"]!.GetValue<string>(), entry["action"]!.GetValue<string>()));
        Assert.Equal(DateTimeOffset.UtcNow.Date, entry["at"]!.GetValue<DateTimeOffset>().UtcDateTime.Date);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/audit?day=yesterday")).StatusCode);
    }

    [Fact]
    public async Task The_seeds_loaded_again_as_at_a_restart_do_not_undo_the_admin_s_changes()
    {
        var admin = await AdminAsync();
        (await admin.PutAsJsonAsync(CadreRoute(First), Cadre(categories: ["property"], volunteer: true))).EnsureSuccessStatusCode();
        (await admin.DeleteAsync(CadreRoute(Second))).EnsureSuccessStatusCode();
        var parties = new JsonObject { ["parties"] = new JsonArray(new JsonObject { ["id"] = "committee", ["name"] = "社区党委", ["role"] = "committee" }) };
        (await admin.PutAsJsonAsync($"/api/v1/admin/communities/{_community}/standing-parties", parties)).EnsureSuccessStatusCode();

        await fixture.LoadSeedsAsync(_seeds);

        var community = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/admin/communities/{_community}"))!;
        var cadre = Assert.Single(community["cadres"]!.AsArray())!;
        Assert.Equal((First, true, "property"), (cadre["id"]!.GetValue<string>(), cadre["isVolunteer"]!.GetValue<bool>(), cadre["categories"]![0]!.GetValue<string>()));
        Assert.Equal("committee", Assert.Single(community["standingParties"]!.AsArray())!["id"]!.GetValue<string>());
        var world = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/world"))!;
        Assert.Contains(world["communities"]!.AsArray(), c => c!["id"]!.GetValue<string>() == _community);
        Assert.Contains(world["counties"]!.AsArray(), c => c!["countyId"]!.GetValue<string>() == "wenshang");
    }

    [Fact]
    public async Task What_the_admin_page_reads_it_can_send_back_unchanged_and_nothing_is_audited()
    {
        var admin = await AdminAsync("admin-round-trip");
        var ximen = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/communities/ximen"))!;
        var county = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/counties/wenshang"))!;

        var answers = new List<HttpResponseMessage>();
        foreach (var cadre in ximen["cadres"]!.AsArray())
        {
            answers.Add(await admin.PutAsJsonAsync($"/api/v1/admin/communities/ximen/cadres/{cadre!["id"]}", cadre));
        }

        answers.Add(await admin.PutAsJsonAsync("/api/v1/admin/communities/ximen/standing-parties", new JsonObject { ["parties"] = ximen["standingParties"]!.DeepClone() }));
        foreach (var category in county["categories"]!.AsArray())
        {
            answers.Add(await admin.PutAsJsonAsync($"/api/v1/admin/counties/wenshang/categories/{category!["id"]}", category));
        }

        foreach (var slaClass in county["slaClasses"]!.AsArray())
        {
            answers.Add(await admin.PutAsJsonAsync($"/api/v1/admin/counties/wenshang/sla-classes/{slaClass!["id"]}", slaClass));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonArray>("/api/v1/admin/audit"))!, e => e!["actor"]!.GetValue<string>() == "admin-round-trip");
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("cadre")]
    [InlineData("leader")]
    public async Task Staff_other_than_admins_are_refused_and_change_nothing(string role)
    {
        var staff = await fixture.StaffAsync(role, First, "wenshang");

        var put = await staff.PutAsJsonAsync(CadreRoute(First), Cadre(categories: ["property"]));
        var world = await staff.GetAsync("/api/v1/admin/world");
        var audit = await staff.GetAsync("/api/v1/admin/audit");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { put.StatusCode, world.StatusCode, audit.StatusCode });
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync("/api/v1/admin/world")).StatusCode);
        var community = (await (await AdminAsync()).GetFromJsonAsync<JsonObject>($"/api/v1/admin/communities/{_community}"))!;
        Assert.All(community["cadres"]!.AsArray(), c => Assert.Equal("heating", c!["categories"]![0]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("name", "shifts[0].start")]
    [InlineData("categories", "categories[0]")]
    [InlineData("longName", "name")]
    [InlineData("days", "shifts[0].days")]
    [InlineData("max", "maxOpenCases")]
    public async Task A_bad_cadre_is_refused_naming_the_field(string fault, string field)
    {
        var body = Cadre();
        switch (fault)
        {
            case "name": body["shifts"]![0]!["start"] = "25:00"; break;
            case "categories": body["categories"] = new JsonArray("parking-lot"); break;
            case "longName": body["name"] = new string('王', 101); break;
            case "days": body["shifts"]![0]!["days"] = new JsonArray(0, 8); break;
            case "max": body["maxOpenCases"] = 0; break;
        }

        var response = await (await AdminAsync()).PutAsJsonAsync(CadreRoute(First), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Unknown_communities_counties_and_cadres_are_404_with_their_codes_and_a_busy_cadre_is_not_retired()
    {
        var admin = await AdminAsync();

        var community = await admin.PutAsJsonAsync(CadreRoute(First).Replace(_community, "no-such-community"), Cadre());
        var county = await admin.PutAsJsonAsync("/api/v1/admin/counties/no-such-county/sla-classes/quick", new { acknowledgeWithinMinutes = 30, resolveWithinMinutes = 240 });
        var cadre = await admin.DeleteAsync(CadreRoute("nobody-here"));
        var (_, token) = await fixture.SubmitAsync(Submission());
        await fixture.TrackUntilAsync(token, "assigned");
        var busy = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/admin/communities/{_community}");
        var busyId = busy!["cadres"]!.AsArray().First(c => c!["load"]!.GetValue<int>() > 0)!["id"]!.GetValue<string>();
        var retire = await admin.DeleteAsync(CadreRoute(busyId));

        Assert.Equal("community-not-found", await CodeAsync(community, HttpStatusCode.NotFound));
        Assert.Equal("county-not-found", await CodeAsync(county, HttpStatusCode.NotFound));
        Assert.Equal("cadre-not-in-community", await CodeAsync(cadre, HttpStatusCode.NotFound));
        Assert.Equal("cadre-has-open-cases", await CodeAsync(retire, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_category_naming_an_SLA_class_the_county_lacks_is_refused_naming_it()
    {
        var body = new { name = "停车", nameEn = "Parking", defaultMode = "doItNow", slaClass = "no-such-class", offerWindowMinutes = 10 };

        var response = await (await AdminAsync()).PutAsJsonAsync("/api/v1/admin/counties/wenshang/categories/parking", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("slaClass"));
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    private Task<HttpClient> AdminAsync(string name = "admin") => fixture.StaffAsync("admin", name, "wenshang");

    private string CadreRoute(string cadreId) => $"/api/v1/admin/communities/{_community}/cadres/{cadreId}";

    private JsonObject Submission()
    {
        var body = Submissions.Valid();
        body["communityId"] = _community;
        return body;
    }

    private static JsonObject SeedCadre(string id) => new()
    {
        ["id"] = id, ["name"] = "测试" + id[^5..], ["categories"] = new JsonArray("heating"), ["shifts"] = new JsonArray(), ["onDutyAtStart"] = true,
    };

    private static JsonObject Cadre(string[]? categories = null, JsonArray? shifts = null, bool volunteer = false) => new()
    {
        ["name"] = "测试干部",
        ["categories"] = new JsonArray((categories ?? ["heating"]).Select(c => (JsonNode)c!).ToArray()),
        ["shifts"] = shifts ?? new JsonArray(new JsonObject { ["days"] = new JsonArray(1, 2, 3, 4, 5, 6, 7), ["start"] = "00:00", ["end"] = "12:00" }),
        ["isVolunteer"] = volunteer,
    };

    // A shift every day but the county's today, so the cadre is off duty now.
    private static JsonArray NotToday()
    {
        var today = (int)TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DayOfWeek;
        var iso = today == 0 ? 7 : today;
        var days = new JsonArray(Enumerable.Range(1, 7).Where(d => d != iso).Select(d => (JsonNode)d).ToArray());
        return new JsonArray(new JsonObject { ["days"] = days, ["start"] = "08:00", ["end"] = "09:00" });
    }
}
