using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>Each kind of refusal answers with a stable code and its args beside the English detail, so pages translate by code.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RefusalCodeTests(GatewayFixture fixture)
{
    private async Task<(string CaseId, JsonObject Case)> SubmitAssignedAsync()
    {
        var (caseId, _) = await fixture.SubmitAsync(Submissions.Valid());
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c?["status"]?.GetValue<string>() == "assigned");
        return (caseId, theCase!);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.IsType<JsonObject>(problem["args"]);
        return problem;
    }

    private static string Arg(JsonObject problem, string name) => problem["args"]![name]!.GetValue<string>();

    [Fact]
    public async Task A_stale_seq_is_stale_seq_with_the_cases_seq_and_the_clients()
    {
        var (caseId, theCase) = await SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");
        var last = theCase["timeline"]!.AsArray()[^1]!["seq"]!.GetValue<int>();

        var problem = await ProblemAsync(
            await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/acknowledge", new { expectedSeq = last - 1 }), HttpStatusCode.Conflict, "stale-seq");

        Assert.Equal($"{last}", Arg(problem, "seq"));
        Assert.Equal($"{last - 1}", Arg(problem, "expectedSeq"));
    }

    [Fact]
    public async Task Another_cadre_is_told_other_cadre_and_a_dispatcher_cadre_only()
    {
        var (caseId, _) = await SubmitAssignedAsync();
        var stranger = await fixture.StaffAsync("cadre", "not-the-assignee", "ximen");
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");

        await ProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/acknowledge", new { }), HttpStatusCode.Forbidden, "other-cadre");
        await ProblemAsync(await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/acknowledge", new { }), HttpStatusCode.Forbidden, "cadre-only");
    }

    [Fact]
    public async Task A_step_in_the_wrong_status_is_wrong_status_with_the_status_it_needs_in_api_spelling()
    {
        var (caseId, theCase) = await SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");

        var problem = await ProblemAsync(await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/start", new { }), HttpStatusCode.Conflict, "wrong-status");

        Assert.Equal("assigned", Arg(problem, "status"));
        Assert.Equal("acknowledged", Arg(problem, "expected"));
        Assert.Equal("workStarted", Arg(problem, "step"));
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_hand_assignment_names_why_the_cadre_cannot_take_the_case()
    {
        var (caseId, _) = await SubmitAssignedAsync();
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");

        var offDuty = await ProblemAsync(
            await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assign", new { cadreId = "zhou-ting" }), HttpStatusCode.Conflict, "cadre-off-duty");
        var unknown = await ProblemAsync(
            await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assign", new { cadreId = "nobody" }), HttpStatusCode.Conflict, "cadre-not-in-community");

        Assert.Equal("zhou-ting", Arg(offDuty, "cadreId"));
        Assert.False(string.IsNullOrEmpty(Arg(offDuty, "name")));
        Assert.Equal("nobody", Arg(unknown, "cadreId"));
        Assert.Equal("ximen", Arg(unknown, "communityId"));
    }

    [Fact]
    public async Task A_missing_case_community_or_token_is_its_own_not_found_code()
    {
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var anyone = fixture.Flow.CreateClient();

        var noCase = await ProblemAsync(await dispatcher.GetAsync("/api/v1/cases/no-such-case"), HttpStatusCode.NotFound, "case-not-found");
        var noCommunity = await ProblemAsync(await anyone.GetAsync("/api/v1/communities/no-such-place"), HttpStatusCode.NotFound, "community-not-found");
        await ProblemAsync(await anyone.GetAsync("/api/v1/track/not-a-token"), HttpStatusCode.NotFound, "tracking-token-unknown");
        await ProblemAsync(await dispatcher.GetAsync("/api/v1/no-such-route"), HttpStatusCode.NotFound, "not-found");

        Assert.Equal("no-such-case", Arg(noCase, "caseId"));
        Assert.Equal("no-such-place", Arg(noCommunity, "communityId"));
    }

    [Fact]
    public async Task Who_is_asking_is_unauthenticated_and_what_they_may_not_do_is_forbidden_with_its_reason()
    {
        var (caseId, _) = await SubmitAssignedAsync();
        var elsewhere = await fixture.StaffAsync("dispatcher", "d9", "some-other-community");
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");

        await ProblemAsync(await fixture.Flow.CreateClient().GetAsync($"/api/v1/cases/{caseId}"), HttpStatusCode.Unauthorized, "unauthenticated");
        var outside = await ProblemAsync(await elsewhere.GetAsync($"/api/v1/cases/{caseId}"), HttpStatusCode.Forbidden, "outside-scope");
        var replay = await ProblemAsync(await dispatcher.PostAsync("/api/v1/intake/poison/replay", null), HttpStatusCode.Forbidden, "role-required");

        Assert.Equal("ximen", Arg(outside, "scope"));
        Assert.Equal("admin", Arg(replay, "roles"));
    }

    [Fact]
    public async Task Invalid_fields_keep_their_errors_beside_the_code()
    {
        var content = new StringContent(Submissions.With("contact.phone", null), Encoding.UTF8, "application/json");

        var problem = await ProblemAsync(await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", content), HttpStatusCode.BadRequest, "invalid-fields");

        Assert.NotNull(problem["errors"]!["contact.phone"]);
    }

    [Fact]
    public async Task A_body_the_route_cannot_read_is_invalid_request()
    {
        var cadre = await fixture.StaffAsync("cadre", "wang-liqun", "ximen");
        var content = new StringContent("{ not json", Encoding.UTF8, "application/json");

        await ProblemAsync(await cadre.PostAsync("/api/v1/cases/any-case/decline", content), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_too_large_with_the_limit()
    {
        var content = new StringContent(new string(' ', 70_000), Encoding.UTF8, "application/json");

        var problem = await ProblemAsync(await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", content), HttpStatusCode.RequestEntityTooLarge, "too-large");

        Assert.Equal("65536", Arg(problem, "limit"));
    }
}
