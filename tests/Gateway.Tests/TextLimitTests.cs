using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Apis;
using Gongzhi.Gateway.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Every free-text field of every request body has a length limit (<see cref="TextLimits"/>): one character too many is
/// a 400 <c>invalid-fields</c> naming the field, and a body larger than a JSON route reads is a 413 <c>too-large</c>.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TextLimitTests(GatewayFixture fixture)
{
    private static string Over(int limit) => new('字', limit + 1);

    public static TheoryData<string, string, string, JsonObject> StaffBodies => new()
    {
        { "cadre", "/api/v1/cases/{case}/decline", "reason", new JsonObject { ["reason"] = Over(TextLimits.Note) } },
        { "cadre", "/api/v1/cases/{case}/resolve", "note", new JsonObject { ["note"] = Over(TextLimits.Note) } },
        { "cadre", "/api/v1/cases/{case}/resolve", "photoUrl", new JsonObject { ["note"] = "done", ["photoUrl"] = "/" + Over(TextLimits.Url) } },
        { "cadre", "/api/v1/cases/{case}/accompaniment", "where", new JsonObject { ["when"] = "2026-12-01T10:00:00+08:00", ["where"] = Over(TextLimits.Short), ["office"] = "政务中心" } },
        { "cadre", "/api/v1/cases/{case}/accompaniment", "office", new JsonObject { ["when"] = "2026-12-01T10:00:00+08:00", ["where"] = "政务中心", ["office"] = Over(TextLimits.Short) } },
        { "cadre", "/api/v1/cases/{case}/start", "note", new JsonObject { ["note"] = Over(TextLimits.Note) } },
        { "cadre", "/api/v1/cases/{case}/documents", "note", new JsonObject { ["note"] = Over(TextLimits.Note) } },
        { "dispatcher", "/api/v1/cases/{case}/assign", "cadreId", new JsonObject { ["cadreId"] = Over(TextLimits.Code) } },
        { "dispatcher", "/api/v1/cases/{case}/merge", "intoCaseId", new JsonObject { ["intoCaseId"] = Over(TextLimits.Code) } },
        { "dispatcher", "/api/v1/cases/{case}/escalate", "reason", new JsonObject { ["reason"] = Over(TextLimits.Note) } },
        { "leader", "/api/v1/cases/{case}/return", "instructions", new JsonObject { ["instructions"] = Over(TextLimits.Note) } },
        { "dispatcher", "/api/v1/consultations", "topic", Convene(topic: Over(TextLimits.Short)) },
        { "dispatcher", "/api/v1/consultations", "invited[0].name", Convene(invitedName: Over(TextLimits.Name)) },
        { "dispatcher", "/api/v1/consultations", "caseIds", Convene(caseIds: TextLimits.Items + 1) },
        { "dispatcher", "/api/v1/consultations/{case}/minutes", "minutes", new JsonObject { ["minutes"] = new string('m', TextLimits.Minutes + 1), ["resolution"] = "决议" } },
        { "dispatcher", "/api/v1/consultations/{case}/minutes", "resolution", new JsonObject { ["minutes"] = "纪要", ["resolution"] = Over(TextLimits.Note) } },
        { "cadre", "/api/v1/cases/{case}/video-petitions", "note", new JsonObject { ["note"] = Over(TextLimits.Note) } },
        { "cadre", "/api/v1/cases/{case}/video-petitions", "slots", new JsonObject { ["note"] = "n", ["slots"] = new JsonArray(Enumerable.Range(0, TextLimits.Items + 1).Select(_ => (JsonNode)"2026-12-01T10:00:00+08:00").ToArray()) } },
        { "leader", "/api/v1/video-petitions/{case}/accept", "slot", new JsonObject { ["slot"] = Over(TextLimits.Code) } },
        { "leader", "/api/v1/video-petitions/{case}/outcome", "outcome", new JsonObject { ["outcome"] = Over(TextLimits.Note) } },
        { "leader", "/api/v1/video-petitions/{case}/cancel", "reason", new JsonObject { ["reason"] = Over(TextLimits.Note) } },
    };

    [Theory]
    [MemberData(nameof(StaffBodies))]
    public async Task A_staff_field_one_character_too_long_is_refused_naming_the_field(string role, string route, string field, JsonObject body)
    {
        var staff = await fixture.StaffAsync(role, "limit-tester", "ximen");

        var response = await staff.PostAsJsonAsync(route.Replace("{case}", "noSuchCase"), body);

        await AssertInvalidAsync(response, field);
    }

    [Theory]
    [InlineData("rating", "comment")]
    [InlineData("consent", "comment")]
    [InlineData("receipt", "comment")]
    public async Task A_resident_comment_one_character_too_long_is_refused_naming_the_field(string step, string field)
    {
        var token = fixture.Flow.Services.GetRequiredService<TrackingTokens>().Issue(CaseIds.New());
        var body = new JsonObject { ["rating"] = "satisfied", ["comment"] = Over(TextLimits.Comment) };

        var response = await fixture.Flow.CreateClient().PostAsJsonAsync($"/api/v1/track/{token}/{step}", body);

        await AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task A_submission_s_description_one_character_too_long_is_refused_naming_the_field()
    {
        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases",
            new StringContent(Submissions.With("description", Over(TextLimits.Description)), Encoding.UTF8, "application/json"));

        await AssertInvalidAsync(response, "description");
    }

    [Theory]
    [InlineData("description")]
    [InlineData("contact.name")]
    public async Task A_submission_field_holding_a_lone_surrogate_is_refused_naming_the_field(string field)
    {
        var body = Submissions.With(field, "PLACEHOLDER").Replace("PLACEHOLDER", "broken \\ud800 text");

        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task A_json_body_larger_than_a_route_reads_is_refused_as_too_large()
    {
        var cadre = await fixture.StaffAsync("cadre", "limit-tester", "ximen");
        var body = new JsonObject { ["reason"] = new string('x', TextLimits.JsonBodyBytes) }.ToJsonString();

        var response = await cadre.PostAsync("/api/v1/cases/noSuchCase/decline", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-large", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    private static JsonObject Convene(string topic = "停车位", string invitedName = "物业公司", int caseIds = 1) => new()
    {
        ["communityId"] = "ximen",
        ["caseIds"] = new JsonArray(Enumerable.Range(0, caseIds).Select(i => (JsonNode)$"case{i}").ToArray()),
        ["topic"] = topic,
        ["time"] = "2030-01-01T10:00:00+08:00",
        ["place"] = "社区议事厅",
        ["invited"] = new JsonArray(new JsonObject { ["name"] = invitedName, ["role"] = "company" }),
    };

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), text);
    }
}
