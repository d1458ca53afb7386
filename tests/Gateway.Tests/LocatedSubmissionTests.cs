using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>A submission with the phone's point (the submit page's "use my location"): kept on the case when it lies in the community.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LocatedSubmissionTests(GatewayFixture fixture)
{
    // Building B of 回迁新苑 (seeds/places/ximen.geojson), a few metres off.
    private const double InHuiqianLat = 35.72526;
    private const double InHuiqianLong = 116.48492;

    private static JsonObject WithPoint(JsonNode? point)
    {
        var body = Submissions.Valid("suggestion");
        body["location"]!["point"] = point;
        return body;
    }

    private async Task<int> QueuedAsync() => (await fixture.QuietQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task A_submitted_point_in_the_community_comes_back_on_the_case_for_staff()
    {
        var (caseId, _) = await fixture.SubmitAsync(WithPoint(new JsonObject { ["latitude"] = InHuiqianLat, ["longitude"] = InHuiqianLong }));
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");

        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c is not null);
        var point = theCase!["location"]!["point"]!;
        Assert.Equal(InHuiqianLat, point["latitude"]!.GetValue<double>());
        Assert.Equal(InHuiqianLong, point["longitude"]!.GetValue<double>());

        var open = (await dispatcher.GetFromJsonAsync<JsonArray>("/api/v1/communities/ximen/cases"))!;
        Assert.Equal(InHuiqianLat, open.Single(c => c!["caseId"]!.GetValue<string>() == caseId)!["location"]!["point"]!["latitude"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_case_submitted_without_a_point_has_none()
    {
        var (caseId, _) = await fixture.SubmitAsync(Submissions.Valid("suggestion"));
        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");

        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c is not null);

        Assert.False(theCase!["location"]!.AsObject().ContainsKey("point"));
    }

    [Fact]
    public async Task A_point_outside_the_community_is_refused_with_422_and_nothing_is_queued()
    {
        var before = await QueuedAsync();
        var body = WithPoint(new JsonObject { ["latitude"] = 35.7260, ["longitude"] = 116.5100 });

        var response = await fixture.Quiet.CreateClient().PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("location-outside-community", problem["code"]!.GetValue<string>());
        Assert.Equal("location.point", problem["args"]!["field"]!.GetValue<string>());
        Assert.Equal(before, await QueuedAsync());
    }

    public static TheoryData<string, string> BadPoints() => new()
    {
        { """ "here" """, "location.point" },
        { """{ "longitude": 116.485 }""", "location.point.latitude" },
        { """{ "latitude": "35.7", "longitude": 116.485 }""", "location.point.latitude" },
        { """{ "latitude": 35.7, "longitude": null }""", "location.point.longitude" },
        { """{ "latitude": 91, "longitude": 116.485 }""", "location.point.latitude" },
        { """{ "latitude": 35.7, "longitude": -180.5 }""", "location.point.longitude" },
        { """{ "latitude": 1e400, "longitude": 116.485 }""", "location.point.latitude" },
        { $$"""{ "latitude": 3{{new string('5', 2000)}}, "longitude": 116.485 }""", "location.point.latitude" },
    };

    [Theory]
    [MemberData(nameof(BadPoints))]
    public async Task A_malformed_point_gets_400_naming_its_field(string point, string field)
    {
        var body = WithPoint(JsonNode.Parse(point)).ToJsonString();

        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }
}
