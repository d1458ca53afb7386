using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.EndToEnd.Tests.Stories;

/// <summary>The moves the stories share: a resident submits, staff act, answers must be what a user expects.</summary>
internal static class StorySteps
{
    public static async Task<(string CaseId, string Token)> SubmitAsync(
        this StoryFixture story, string kind, string category, string compound, string? building, string description, string name)
    {
        var response = await story.Resident().PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen",
            kind,
            category,
            description,
            location = new { compound, building },
            contact = new { name, phone = "13905370000" },
        });
        var body = await OkAsync(response, HttpStatusCode.Accepted);
        return (body["caseId"]!.GetValue<string>(), body["trackingToken"]!.GetValue<string>());
    }

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<JsonObject> PostOkAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.PostAsJsonAsync(url, body).ContinueWith(t => OkAsync(t.Result, expected)).Unwrap();

    public static IReadOnlyList<string> Types(JsonObject theCase) =>
        theCase["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToArray();
}
