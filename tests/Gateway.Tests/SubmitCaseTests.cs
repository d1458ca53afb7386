using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class SubmitCaseTests(GatewayFixture fixture)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> CaseIdAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["caseId"]!.GetValue<string>();

    private async Task<int> QueuedAsync() => (await fixture.QuietQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task A_valid_submission_is_queued_durably_and_answered_202_with_a_tracking_link()
    {
        var before = await QueuedAsync();
        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(Submissions.Valid().ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var caseId = body["caseId"]!.GetValue<string>();
        var token = body["trackingToken"]!.GetValue<string>();
        Assert.EndsWith($"/track/{token}", body["trackUrl"]!.GetValue<string>());
        Assert.Equal($"/api/v1/track/{token}", response.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, await QueuedAsync());
        var messages = (await fixture.QuietQueue.PeekMessagesAsync(32)).Value;
        Assert.Contains(messages, m => m.Body.ToString().Contains(caseId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_submission_goes_to_the_batched_queue_with_or_without_a_client_request_id()
    {
        var random = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(Submissions.Valid().ToJsonString()));
        var retriable = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(Submissions.With("clientRequestId", Guid.NewGuid().ToString("D"))));

        string[] ids = [await CaseIdAsync(random), await CaseIdAsync(retriable)];
        var batched = (await fixture.QuietQueue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToArray();
        Assert.All(ids, id => Assert.Contains(batched, b => b.Contains(id, StringComparison.Ordinal) && b.StartsWith("{\"version\":2,", StringComparison.Ordinal)));
        Assert.Equal(0, (await fixture.QuietPerCaseQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Before_the_silo_takes_it_the_resident_sees_status_submitted()
    {
        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(Submissions.Valid().ToJsonString()));
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["trackingToken"]!.GetValue<string>();

        var track = JsonNode.Parse(await fixture.Quiet.CreateClient().GetStringAsync($"/api/v1/track/{token}"))!;

        Assert.Equal("submitted", track["status"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { Submissions.With("communityId", null), "communityId" },
        { Submissions.With("kind", "complaint"), "kind" },
        { Submissions.With("kind", null), "kind" },
        { Submissions.With("category", null), "category" },
        { Submissions.With("category", "unknown-category"), "category" },
        { Submissions.With("description", new string('长', 4001)), "description" },
        { Submissions.With("description", "   "), "description" },
        { Submissions.With("location", null), "location" },
        { Submissions.With("location.compound", "nowhere"), "location.compound" },
        { Submissions.With("location.building", "999"), "location.building" },
        { Submissions.With("contact.name", null), "contact.name" },
        { Submissions.With("contact.phone", "12345"), "contact.phone" },
        { Submissions.With("contact.phone", 13805371234), "contact.phone" },
        { "{ this is not json", "body" },
        { "\"just a string\"", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_malformed_submission_gets_400_naming_the_field_and_leaves_nothing_queued(string body, string field)
    {
        var before = await QueuedAsync();
        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await QueuedAsync());
    }

    [Fact]
    public async Task A_body_over_64_KB_gets_413_and_leaves_nothing_queued()
    {
        var before = await QueuedAsync();
        var body = Submissions.With("description", new string('x', 70 * 1024));

        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await QueuedAsync());
    }

    [Fact]
    public async Task A_submission_streamed_without_a_length_is_queued_like_any_other()
    {
        var before = await QueuedAsync();

        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", new UnsizedJson(Submissions.Valid().ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before + 1, await QueuedAsync());
    }

    [Fact]
    public async Task A_streamed_body_over_64_KB_gets_413_and_leaves_nothing_queued()
    {
        var before = await QueuedAsync();

        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", new UnsizedJson(Submissions.With("description", new string('x', 70 * 1024))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await QueuedAsync());
    }

    // A body sent with no Content-Length (chunked), as a client that streams it does.
    private sealed class UnsizedJson : HttpContent
    {
        private readonly byte[] _body;

        public UnsizedJson(string body)
        {
            _body = Encoding.UTF8.GetBytes(body);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task An_unknown_community_gets_404_and_leaves_nothing_queued()
    {
        var before = await QueuedAsync();
        var response = await fixture.Quiet.CreateClient().PostAsync("/api/v1/cases", Json(Submissions.With("communityId", "atlantis")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("communityId", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await QueuedAsync());
    }

    [Fact]
    public async Task The_same_client_request_id_twice_yields_the_same_case_and_one_case()
    {
        var requestId = Guid.NewGuid().ToString();
        var client = fixture.Flow.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid(clientRequestId: requestId))).Content.ReadFromJsonAsync<JsonObject>();
        var second = await (await client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid(clientRequestId: requestId))).Content.ReadFromJsonAsync<JsonObject>();
        var caseId = first!["caseId"]!.GetValue<string>();

        Assert.Equal(caseId, second!["caseId"]!.GetValue<string>());
        Assert.Equal(first["trackingToken"]!.GetValue<string>(), second["trackingToken"]!.GetValue<string>());

        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var opened = await Eventually.GetAsync(() => dispatcher.GetFromJsonAsync<JsonArray>("/api/v1/communities/ximen/cases"),
            cases => cases!.Count(c => c!["caseId"]!.GetValue<string>() == caseId) == 1);
        var theCase = opened!.Single(c => c!["caseId"]!.GetValue<string>() == caseId)!;
        Assert.Single(theCase["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "submitted");
    }

    [Theory]
    [InlineData("r-1")]
    [InlineData("retry-7f3a0001")]
    [InlineData("0f8fad5b-d9cb-469f-a165")]
    public async Task A_client_request_id_that_is_not_a_uuid_is_refused_naming_the_field(string requestId)
    {
        var before = await QueuedAsync();
        var response = await fixture.Quiet.CreateClient().PostAsJsonAsync("/api/v1/cases", Submissions.Valid(clientRequestId: requestId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["clientRequestId"]);
        Assert.Equal(before, await QueuedAsync());
    }

    [Fact]
    public async Task Replaying_another_resident_s_client_request_id_with_another_body_opens_a_new_case_and_never_returns_their_token()
    {
        var requestId = Guid.NewGuid().ToString();
        var client = fixture.Quiet.CreateClient();
        var victim = (await (await client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid(clientRequestId: requestId))).Content.ReadFromJsonAsync<JsonObject>())!;
        var forged = Submissions.Valid(clientRequestId: requestId);
        forged["description"] = "I only want to read the other case";
        forged["contact"]!["name"] = "Mallory";

        var answer = await client.PostAsJsonAsync("/api/v1/cases", forged);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var replay = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotEqual(victim["caseId"]!.GetValue<string>(), replay["caseId"]!.GetValue<string>());
        Assert.DoesNotContain(victim["trackingToken"]!.GetValue<string>(), replay.ToJsonString(), StringComparison.Ordinal);
    }
}
