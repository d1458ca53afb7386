using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>Cases through the public API, for tests of what staff then do with them.</summary>
public static class FixtureCases
{
    public static async Task<(string CaseId, string Token)> SubmitAsync(this GatewayFixture fixture, JsonObject body)
    {
        var response = await fixture.Flow.CreateClient().PostAsJsonAsync("/api/v1/cases", body);
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (answer["caseId"]!.GetValue<string>(), answer["trackingToken"]!.GetValue<string>());
    }

    /// <summary>
    /// A valid submission at the given compound and building, once the silo has taken and assigned it. Tests that need no
    /// heating cadre ask for a suggestion: two seeded cadres take them, so the heating cadres' queues do not fill up.
    /// </summary>
    public static async Task<(string CaseId, string Token, JsonObject Case)> SubmitAssignedAsync(
        this GatewayFixture fixture, string compound = "huiqian-xinyuan", string building = "A", string category = "heating")
    {
        var body = Submissions.Valid(category);
        body["location"] = new JsonObject { ["compound"] = compound, ["building"] = building };
        var (caseId, token) = await fixture.SubmitAsync(body);
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c?["status"]?.GetValue<string>() == "assigned");
        return (caseId, token, theCase!);
    }

    /// <summary>
    /// A neighbour dispute, once the silo has taken it in (assigned or waiting: at night its cadres are off duty), so that
    /// tests that need no cadre leave the heating cadres' places to the tests that do.
    /// </summary>
    public static async Task<(string CaseId, JsonObject Case)> SubmitTakenAsync(this GatewayFixture fixture)
    {
        var (caseId, _) = await fixture.SubmitAsync(Submissions.Valid("neighbour-dispute"));
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c?["status"]?.GetValue<string>() is "assigned" or "accepted");
        return (caseId, theCase!);
    }

    /// <summary>
    /// Frees the assigned cadre's place for the collection's later cases (each cadre carries at most 8): the cadre
    /// acknowledges, starts and resolves the case, as far as its state still allows.
    /// </summary>
    public static async Task ResolveQuietlyAsync(this GatewayFixture fixture, string caseId)
    {
        var theCase = await fixture.CaseAsync(caseId);
        if (theCase["assigneeId"]?.GetValue<string>() is not { } cadreId)
        {
            return;
        }

        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null);
        await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/start", new { });
        await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "done" });
    }

    /// <summary>An owners'-committee grievance at 吉市口佳苑东区, as in the article's 7+X story.</summary>
    public static JsonObject OwnersCommittee(string building = "3")
    {
        var body = Submissions.Valid("owners-committee");
        body["kind"] = "grievance";
        body["description"] = "业委会选举迟迟不能进行，物业费用去向不明";
        body["location"] = new JsonObject { ["compound"] = "jishikou-east", ["building"] = building };
        return body;
    }

    /// <summary>The resident's view once the silo has taken the case and it satisfies the condition.</summary>
    public static async Task<JsonObject> TrackUntilAsync(this GatewayFixture fixture, string token, Func<JsonObject, bool> done) =>
        await Eventually.GetAsync(
            async () => (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{token}"))!,
            done);

    public static Task<JsonObject> TrackUntilAsync(this GatewayFixture fixture, string token, string status) =>
        fixture.TrackUntilAsync(token, t => t["status"]!.GetValue<string>() == status);

    /// <summary>The full case as a dispatcher of Ximen sees it.</summary>
    public static async Task<JsonObject> CaseAsync(this GatewayFixture fixture, string caseId)
    {
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        return (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!;
    }

    public static IEnumerable<string> EventTypes(this JsonObject view) =>
        view["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>());
}
