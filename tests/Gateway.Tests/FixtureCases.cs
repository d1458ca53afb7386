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

    /// <summary>
    /// A valid submission at the given compound and building, once the silo has assigned it to a cadre. Suggestions by
    /// default: two seeded cadres take them (the least loaded first), so these tests do not fill the heating cadres' queues.
    /// </summary>
    public static async Task<(string CaseId, string Token, JsonObject Case)> SubmitAssignedAsync(
        this GatewayFixture fixture, string compound = "huiqian-xinyuan", string building = "A", string category = "suggestion")
    {
        var body = Submissions.Valid(category);
        body["location"] = new JsonObject { ["compound"] = compound, ["building"] = building };
        var (caseId, token) = await fixture.SubmitAsync(body);
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: System.Net.HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c?["status"]?.GetValue<string>() == "assigned");
        return (caseId, token, theCase!);
    }

    /// <summary>The full case as a dispatcher of Ximen sees it.</summary>
    public static async Task<JsonObject> CaseAsync(this GatewayFixture fixture, string caseId)
    {
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        return (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!;
    }

    public static IEnumerable<string> EventTypes(this JsonObject view) =>
        view["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>());
}
