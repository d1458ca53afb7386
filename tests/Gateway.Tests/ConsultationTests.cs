using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>7+X 民主协商议事会 through the gateway: convening, live invitations, the notices on the cases, the minutes' resolution.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ConsultationTests(GatewayFixture fixture)
{
    private static readonly string[] Seven =
    [
        "ximen-party-committee", "ximen-residents-committee", "wenshang-subdistrict-official", "ximen-owners-committees",
        "ximen-party-deputy", "ximen-npc-deputy", "ximen-cppcc-member",
    ];

    private static string In(TimeSpan ahead) => (DateTimeOffset.UtcNow + ahead).ToString("o", CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static object Meeting(params string[] caseIds) => new
    {
        communityId = "ximen",
        caseIds,
        topic = "吉市口佳苑东区业主委员会选举",
        time = In(TimeSpan.FromDays(3)),
        place = "西门社区服务大厅",
        invited = new object[]
        {
            new { name = "县住建局物业科", role = "department", accountId = "housing-liaison" },
            new { name = "物业公司", role = "company" },
            new { name = "东区业主代表", role = "resident" },
        },
    };

    private async Task<(string CaseId, string Token)> TakenAsync(JsonObject body)
    {
        var (caseId, token) = await fixture.SubmitAsync(body);
        await fixture.TrackUntilAsync(token, t => t["status"]!.GetValue<string>() != "submitted");
        return (caseId, token);
    }

    [Fact]
    public async Task The_owners_committee_meeting_invites_its_parties_live_tells_its_cases_and_settles_them_by_its_resolution()
    {
        var (first, firstToken) = await TakenAsync(FixtureCases.OwnersCommittee("3"));
        var (second, _) = await TakenAsync(FixtureCases.OwnersCommittee("5"));
        var (heating, heatingToken) = await fixture.SubmitAsync(Submissions.Valid("heating"));
        await fixture.TrackUntilAsync(heatingToken, "assigned");

        var subdistrictHub = await fixture.HubAsync(await fixture.TokenAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict"));
        var subdistrictInvited = new Pushes(subdistrictHub, "invitation");
        var housingHub = await fixture.HubAsync(await fixture.TokenAsync("department", "housing-liaison", "housing"));
        var housingInvited = new Pushes(housingHub, "invitation");
        var residentHub = await fixture.HubAsync();
        var residentHeard = new Pushes(residentHub, "caseUpdated");
        await residentHub.InvokeAsync("WatchCase", firstToken);

        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var convened = await dispatcher.PostAsJsonAsync("/api/v1/consultations", Meeting(first, second, heating));
        Assert.Equal(HttpStatusCode.Created, convened.StatusCode);
        var consultation = await ReadAsync(convened);
        var id = consultation["consultationId"]!.GetValue<string>();
        Assert.Equal($"/api/v1/consultations/{id}", convened.Headers.Location!.OriginalString);
        Assert.Equal("convened", consultation["status"]!.GetValue<string>());
        var parties = consultation["parties"]!.AsArray();
        Assert.Equal(Seven.Concat(["x1", "x2", "x3"]), parties.Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("housing-liaison", parties[7]!["accountId"]!.GetValue<string>());

        foreach (var invited in new[] { subdistrictInvited, housingInvited })
        {
            var invitation = await invited.WaitForAsync(i => i["consultationId"]!.GetValue<string>() == id);
            Assert.Equal("吉市口佳苑东区业主委员会选举", invitation["topic"]!.GetValue<string>());
            Assert.Equal("西门社区服务大厅", invitation["place"]!.GetValue<string>());
        }

        var told = await residentHeard.WaitForEventAsync(first, "consultationConvened");
        Assert.Equal(id, told["event"]!["reference"]!.GetValue<string>());
        Assert.StartsWith("吉市口佳苑东区业主委员会选举 · ", told["event"]!["note"]!.GetValue<string>());
        foreach (var caseId in new[] { first, second, heating })
        {
            var view = await fixture.CaseAsync(caseId);
            Assert.Contains(view["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "consultationConvened" && e["reference"]!.GetValue<string>() == id);
        }

        // Parties and the community's staff see it; others do not.
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.StaffAsync("department", "housing-liaison", "housing")).GetAsync($"/api/v1/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.StaffAsync("cadre", "zhang-xiumei", "ximen")).GetAsync($"/api/v1/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.StaffAsync("department", "planning-liaison", "planning")).GetAsync($"/api/v1/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.StaffAsync("dispatcher", "d2", "dongguan")).GetAsync($"/api/v1/consultations/{id}")).StatusCode);

        // Before the minutes: the heating case is settled by its cadre, the second owners' case merged into the first.
        var cadreId = (await fixture.CaseAsync(heating))["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        Assert.Equal(HttpStatusCode.OK, (await cadre.PostAsync($"/api/v1/cases/{heating}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadre.PostAsJsonAsync($"/api/v1/cases/{heating}/resolve", new { note = "管道已疏通" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsJsonAsync($"/api/v1/cases/{second}/merge", new { intoCaseId = first })).StatusCode);

        const string resolution = "12月10日前由街道指导完成东区业委会选举，物业费用账目公开";
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", new { minutes = "m", resolution })).StatusCode);
        var noResolution = await dispatcher.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", new { minutes = "各方充分协商" });
        Assert.Equal(HttpStatusCode.BadRequest, noResolution.StatusCode);
        Assert.Contains("resolution", (await ReadAsync(noResolution))["errors"]!.AsObject().Select(e => e.Key));

        var minutes = new { minutes = "各方充分协商，业主代表同意推选候选人，街道派员指导", resolution };
        var concluded = await ReadAsync(await dispatcher.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", minutes));
        Assert.Equal("concluded", concluded["status"]!.GetValue<string>());
        var results = concluded["caseResults"]!.AsArray().ToDictionary(r => r!["caseId"]!.GetValue<string>(), r => r!["outcome"]!.GetValue<string>());
        Assert.Equal("resolved", results[first]);
        Assert.Equal("alreadyClosed", results[second]);
        Assert.Equal("alreadyResolved", results[heating]);

        var resolved = await residentHeard.WaitForEventAsync(first, "resolved");
        Assert.Equal(id, resolved["event"]!["reference"]!.GetValue<string>());
        Assert.Equal(resolution, resolved["event"]!["note"]!.GetValue<string>());
        Assert.Equal("resolved", (await fixture.TrackUntilAsync(firstToken, "resolved"))["status"]!.GetValue<string>());

        // A retry of the same minutes answers the same report; other minutes are refused.
        var again = await dispatcher.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", minutes);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, (await ReadAsync(again))["caseResults"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Conflict, (await dispatcher.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", new { minutes = "另一份", resolution })).StatusCode);

        await subdistrictHub.DisposeAsync();
        await housingHub.DisposeAsync();
        await residentHub.DisposeAsync();
    }

    [Fact]
    public async Task Only_a_dispatcher_of_the_community_convenes_and_a_bad_convening_names_its_field_and_changes_no_case()
    {
        var (open, _) = await TakenAsync(FixtureCases.OwnersCommittee("1"));
        var (merged, _) = await TakenAsync(FixtureCases.OwnersCommittee("2"));
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsJsonAsync($"/api/v1/cases/{merged}/merge", new { intoCaseId = open })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.StaffAsync("cadre", "zhang-xiumei", "ximen")).PostAsJsonAsync("/api/v1/consultations", Meeting(open))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.StaffAsync("dispatcher", "d2", "dongguan")).PostAsJsonAsync("/api/v1/consultations", Meeting(open))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().PostAsJsonAsync("/api/v1/consultations", Meeting(open))).StatusCode);

        var closedCase = await dispatcher.PostAsJsonAsync("/api/v1/consultations", Meeting(open, merged, "0000000000000000"));
        var errors = await InvalidAsync(closedCase, "caseIds");
        Assert.Contains(errors["caseIds"]!.AsArray(), m => m!.GetValue<string>().Contains(merged, StringComparison.Ordinal) && m.GetValue<string>().Contains("closed", StringComparison.Ordinal));
        Assert.Contains(errors["caseIds"]!.AsArray(), m => m!.GetValue<string>().Contains("0000000000000000", StringComparison.Ordinal));
        await InvalidAsync(await dispatcher.PostAsJsonAsync("/api/v1/consultations", Meeting()), "caseIds");

        var body = JsonSerializer.SerializeToNode(Meeting(open))!.AsObject();
        await InvalidAsync(await dispatcher.PostAsJsonAsync("/api/v1/consultations", With(body, "time", In(-TimeSpan.FromHours(1)))), "time");
        await InvalidAsync(await dispatcher.PostAsJsonAsync("/api/v1/consultations", With(body, "time", "下周三下午")), "time");
        await InvalidAsync(await dispatcher.PostAsJsonAsync("/api/v1/consultations", With(body, "communityId", "nowhere")), "communityId");
        await InvalidAsync(await dispatcher.PostAsJsonAsync("/api/v1/consultations", With(body, "topic", " ")), "topic");
        await InvalidAsync(await dispatcher.PostAsJsonAsync("/api/v1/consultations", With(body, "invited", new JsonArray(new JsonObject { ["role"] = "company" }))), "invited[0].name");

        Assert.DoesNotContain("consultationConvened", (await fixture.CaseAsync(open)).EventTypes());
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.GetAsync("/api/v1/consultations/0000000000000000")).StatusCode);
    }

    private static JsonObject With(JsonObject body, string field, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    private static async Task<JsonObject> InvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response))["errors"]!.AsObject();
        Assert.Contains(field, errors.Select(e => e.Key));
        return errors;
    }
}
