using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The lists of 7+X meetings through the gateway: a level's meetings for its dispatchers and officials, each account's
/// stored invitations (its own only) with read and acknowledged marks, and a meeting's page following its cases live.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MeetingListsTests(GatewayFixture fixture)
{
    private static string In(TimeSpan ahead) => (DateTimeOffset.UtcNow + ahead).ToString("o", CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private async Task<(string Id, string CaseId, string Token)> ConvenedAsync(string building)
    {
        var (caseId, token) = await fixture.SubmitAsync(FixtureCases.OwnersCommittee(building));
        await fixture.TrackUntilAsync(token, t => t["status"]!.GetValue<string>() != "submitted");
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var convened = await dispatcher.PostAsJsonAsync("/api/v1/consultations", new
        {
            communityId = "ximen", caseIds = new[] { caseId }, topic = "东区业委会选举", time = In(TimeSpan.FromDays(2)), place = "西门社区服务大厅",
            invited = new object[] { new { name = "县住建局物业科", role = "department", accountId = "housing-liaison" } },
        });
        Assert.Equal(HttpStatusCode.Created, convened.StatusCode);
        return ((await ReadAsync(convened))["consultationId"]!.GetValue<string>(), caseId, token);
    }

    private static async Task<JsonArray> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private static JsonObject? Invitation(JsonObject inbox, string id) =>
        inbox["invitations"]!.AsArray().Select(i => i!.AsObject()).SingleOrDefault(i => i["consultation"]!["consultationId"]!.GetValue<string>() == id);

    [Fact]
    public async Task A_meeting_is_listed_for_the_dispatchers_and_officials_of_its_community_sub_district_and_county_and_for_no_one_else()
    {
        var (id, _, _) = await ConvenedAsync("4");
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");

        var listed = (await ListAsync(dispatcher, "/api/v1/consultations?scope=ximen")).Single(c => c!["consultationId"]!.GetValue<string>() == id)!;
        Assert.Equal(("东区业委会选举", "convened", 1), (listed["topic"]!.GetValue<string>(), listed["status"]!.GetValue<string>(), listed["caseCount"]!.GetValue<int>()));
        Assert.Contains(await ListAsync(await fixture.StaffAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict"), "/api/v1/consultations?scope=wenshang-subdistrict"),
            c => c!["consultationId"]!.GetValue<string>() == id);
        Assert.Contains(await ListAsync(await fixture.StaffAsync("leader", "zhang-vice-county-head", "wenshang"), "/api/v1/consultations?scope=wenshang"),
            c => c!["consultationId"]!.GetValue<string>() == id);

        foreach (var (role, subject, scope) in new[] { ("dispatcher", "d2", "dongguan"), ("cadre", "zhang-xiumei", "ximen"), ("department", "housing-liaison", "housing") })
        {
            var refused = await (await fixture.StaffAsync(role, subject, scope)).GetAsync("/api/v1/consultations?scope=ximen");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("outside-scope", (await ReadAsync(refused))["code"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync("/api/v1/consultations?scope=ximen")).StatusCode);
        var noScope = await dispatcher.GetAsync("/api/v1/consultations");
        Assert.Equal(HttpStatusCode.BadRequest, noScope.StatusCode);
        Assert.Equal(["scope"], (await ReadAsync(noScope))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_invited_account_finds_its_invitation_stored_marks_it_read_and_acknowledged_and_nobody_else_sees_or_marks_it()
    {
        var (id, _, _) = await ConvenedAsync("6");
        var housing = await fixture.StaffAsync("department", "housing-liaison", "housing");
        var planning = await fixture.StaffAsync("department", "planning-liaison", "planning");

        var inbox = await ReadAsync(await housing.GetAsync("/api/v1/invitations"));
        var invitation = Invitation(inbox, id)!;
        Assert.Equal("东区业委会选举", invitation["consultation"]!["topic"]!.GetValue<string>());
        Assert.Null(invitation["readAt"]);
        var unread = inbox["unread"]!.GetValue<int>();
        Assert.True(unread >= 1);

        Assert.Null(Invitation(await ReadAsync(await planning.GetAsync("/api/v1/invitations")), id));
        var notTheirs = await planning.PostAsync($"/api/v1/invitations/{id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal("invitation-not-found", (await ReadAsync(notTheirs))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Flow.CreateClient().GetAsync("/api/v1/invitations")).StatusCode);

        var read = await ReadAsync(await housing.PostAsync($"/api/v1/invitations/{id}/read", null));
        Assert.NotNull(read["readAt"]);
        Assert.Null(read["acknowledgedAt"]);
        Assert.Equal(unread - 1, (await ReadAsync(await housing.GetAsync("/api/v1/invitations")))["unread"]!.GetValue<int>());
        var acknowledged = await ReadAsync(await housing.PostAsync($"/api/v1/invitations/{id}/acknowledge", null));
        Assert.NotNull(acknowledged["acknowledgedAt"]);
        Assert.Equal(read["readAt"]!.GetValue<DateTimeOffset>(), acknowledged["readAt"]!.GetValue<DateTimeOffset>());

        // The minutes bring the invitation's meeting up to date and keep the party's marks.
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", new { minutes = "各方同意", resolution = "街道指导选举" })).StatusCode);
        var after = Invitation(await ReadAsync(await housing.GetAsync("/api/v1/invitations")), id)!;
        Assert.Equal("concluded", after["consultation"]!["status"]!.GetValue<string>());
        Assert.NotNull(after["acknowledgedAt"]);
    }

    [Fact]
    public async Task A_party_on_the_meeting_page_hears_the_linked_case_settle_and_an_outsider_may_not_watch_it()
    {
        var (id, caseId, _) = await ConvenedAsync("2");
        var housingHub = await fixture.HubAsync(await fixture.TokenAsync("department", "housing-liaison", "housing"));
        var heard = new Pushes(housingHub, "caseUpdated");
        await housingHub.InvokeAsync("WatchConsultation", id);
        var outsiderHub = await fixture.HubAsync(await fixture.TokenAsync("department", "planning-liaison", "planning"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsiderHub.InvokeAsync("WatchConsultation", id));

        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsJsonAsync($"/api/v1/consultations/{id}/minutes", new { minutes = "各方同意", resolution = "街道指导选举" })).StatusCode);

        var resolved = await heard.WaitForEventAsync(caseId, "resolved");
        Assert.Equal("resolved", resolved["status"]!.GetValue<string>());
        await housingHub.DisposeAsync();
        await outsiderHub.DisposeAsync();
    }
}
