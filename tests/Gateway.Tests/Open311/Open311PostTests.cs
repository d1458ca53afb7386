using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Gongzhi.Gateway.Tests.Open311;

/// <summary>
/// <c>POST requests</c> as an Open311 client sends it (form-encoded, api_key in the form): the case goes through the
/// intake of <c>POST /api/v1/cases</c> and reaches a cadre; the client follows it by token; a retry makes no second
/// case; every fault is an error list naming the field, with the right status.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class Open311PostTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_posted_request_answers_a_token_that_leads_to_a_case_a_cadre_is_assigned()
    {
        var client = Open311Client.Of(fixture.Flow);
        var (_, key) = await fixture.IssueAsync();

        var answer = await client.XmlAsync(await client.PostAsync("xml", Open311Client.Request(key, "暖气不热 " + Guid.NewGuid(),
            ("account_id", "acct-7"))), HttpStatusCode.Accepted);
        var request = answer.Element("request")!;
        var token = request.Element("token")!.Value;
        Assert.Null(request.Element("service_request_id"));
        Assert.Equal("acct-7", request.Element("account_id")!.Value);

        var made = await Eventually.GetAsync(() => client.GetXmlAsync($"/tokens/{token}.xml"), t => t.Element("request")!.Element("service_request_id")!.Value.Length > 0);
        var caseId = made.Element("request")!.Element("service_request_id")!.Value;
        Assert.Equal(token, made.Element("request")!.Element("token")!.Value);

        var dispatcher = await fixture.StaffAsync("dispatcher", "d1", "ximen");
        var theCase = await Eventually.GetAsync(
            async () => (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")) is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadFromJsonAsync<JsonObject>() : null,
            c => c?["status"]?.GetValue<string>() == "assigned");
        Assert.NotNull(theCase!["assigneeId"]);
        Assert.Equal("huiqian-xinyuan", theCase["location"]!["compound"]!.GetValue<string>());
        Assert.Equal("A", theCase["location"]!["building"]!.GetValue<string>());
        Assert.Equal("grievance", theCase["kind"]!.GetValue<string>());
        Assert.Equal("138****1234", theCase["contact"]!["phone"]!.GetValue<string>()); // the phone posted, masked to the dispatcher as every case's is
    }

    [Fact]
    public async Task A_retried_post_lands_on_the_same_case_and_once_it_exists_answers_its_id()
    {
        var client = Open311Client.Of(fixture.Flow);
        var (_, key) = await fixture.IssueAsync();
        var fields = Open311Client.Request(key, "楼道灯坏了 " + Guid.NewGuid());

        var first = (await Open311Client.JsonAsync(await client.PostAsync("json", fields), HttpStatusCode.Accepted))[0]!["token"]!.GetValue<string>();
        var made = await Eventually.GetAsync(() => client.GetJsonAsync($"/tokens/{first}.json"), t => t[0]!["service_request_id"]!.GetValue<string>().Length > 0);
        var caseId = made[0]!["service_request_id"]!.GetValue<string>();

        var retry = await Open311Client.JsonAsync(await client.PostAsync("json", fields), HttpStatusCode.OK);
        Assert.Equal(caseId, retry[0]!["service_request_id"]!.GetValue<string>());
        Assert.Null(retry[0]!["token"]);

        // The same text under another Idempotency-Key is another request, so another case.
        var other = await Open311Client.JsonAsync(await client.PostAsync("json", fields, idempotencyKey: Guid.NewGuid().ToString()), HttpStatusCode.Accepted);
        Assert.NotEqual(first, other[0]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_point_is_matched_to_its_compound_and_building_and_an_address_id_is_taken_as_given()
    {
        var client = Open311Client.Of(fixture.Flow);
        var (_, key) = await fixture.IssueAsync();

        var byPoint = await PostAndFollowAsync(client, key, ("address_string", ""), ("lat", "35.72526"), ("long", "116.48492"));
        Assert.Equal("huiqian-xinyuan/B", byPoint.Element("address_id")!.Value);
        Assert.Equal("35.72526", byPoint.Element("lat")!.Value);

        var byId = await PostAndFollowAsync(client, key, ("address_string", ""), ("address_id", "ximen-xiaoqu/60"), ("attribute[unit]", "3"));
        Assert.Equal("ximen-xiaoqu/60", byId.Element("address_id")!.Value);
        Assert.Contains("60号楼 3单元", byId.Element("address")!.Value, StringComparison.Ordinal);
        Assert.NotEqual("", byId.Element("lat")!.Value); // the building's point, from the places
    }

    [Theory]
    [InlineData("api_key", "", HttpStatusCode.BadRequest, "api_key:")]
    [InlineData("api_key", "made-up", HttpStatusCode.Forbidden, "api_key:")]
    [InlineData("service_code", "", HttpStatusCode.BadRequest, "service_code:")]
    [InlineData("service_code", "no-such", HttpStatusCode.NotFound, "service_code:")]
    [InlineData("jurisdiction_id", "atlantis", HttpStatusCode.NotFound, "jurisdiction_id:")]
    [InlineData("address_string", "", HttpStatusCode.BadRequest, "lat:")]
    [InlineData("address_string", "Springfield, 742 Evergreen Terrace", HttpStatusCode.BadRequest, "address_string:")]
    [InlineData("attribute[kind]", "", HttpStatusCode.BadRequest, "attribute[kind]:")]
    [InlineData("attribute[kind]", "complaint", HttpStatusCode.BadRequest, "attribute[kind]:")]
    [InlineData("attribute[building]", "Z", HttpStatusCode.BadRequest, "attribute[building]:")]
    [InlineData("description", "", HttpStatusCode.BadRequest, "description:")]
    [InlineData("phone", "", HttpStatusCode.BadRequest, "phone:")]
    [InlineData("phone", "12345", HttpStatusCode.BadRequest, "phone:")]
    [InlineData("lat", "35.7", HttpStatusCode.BadRequest, "long:")]
    [InlineData("lat", "north", HttpStatusCode.BadRequest, "lat:")]
    [InlineData("media_url", "javascript:alert(1)", HttpStatusCode.BadRequest, "media_url:")]
    public async Task A_fault_is_an_error_list_naming_the_field_with_its_status_in_both_formats(string field, string value, HttpStatusCode status, string prefix)
    {
        var client = Open311Client.Of(fixture.Flow);
        var (_, key) = await fixture.IssueAsync();
        var fields = Open311Client.Request(key, "描述", (field, value));

        Assert.Contains(Open311Client.Errors(await client.XmlAsync(await client.PostAsync("xml", fields), status), status), d => d.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Contains(Open311Client.Errors(await Open311Client.JsonAsync(await client.PostAsync("json", fields), status), status), d => d.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_point_outside_the_community_a_revoked_key_a_busy_client_and_a_body_that_is_no_form_are_refused()
    {
        var client = Open311Client.Of(fixture.Flow);
        var (clientId, key) = await fixture.IssueAsync();

        var outside = Open311Client.Request(key, "描述", ("address_string", ""), ("lat", "39.9042"), ("long", "116.4074"));
        var far = Open311Client.Errors(await client.XmlAsync(await client.PostAsync("xml", outside), HttpStatusCode.BadRequest), HttpStatusCode.BadRequest);
        Assert.Contains("outside jurisdiction ximen", Assert.Single(far), StringComparison.Ordinal);

        var json = await client.Http.PostAsJsonAsync("/open311/v2/requests.json", new { api_key = key });
        Assert.StartsWith("body:", Assert.Single(Open311Client.Errors(await Open311Client.JsonAsync(json, HttpStatusCode.BadRequest), HttpStatusCode.BadRequest)), StringComparison.Ordinal);

        await fixture.RevokeAsync(clientId);
        var revoked = Open311Client.Errors(await client.XmlAsync(await client.PostAsync("xml", Open311Client.Request(key, "描述")), HttpStatusCode.Forbidden), HttpStatusCode.Forbidden);
        Assert.StartsWith("api_key:", Assert.Single(revoked), StringComparison.Ordinal);

        // One request a minute: the second within the minute is refused with the time to wait.
        var (_, slow) = await fixture.IssueAsync(requestsPerMinute: 1);
        await client.PostAsync("xml", Open311Client.Request(slow, "描述", ("service_code", "no-such")));
        var busy = await client.PostAsync("xml", Open311Client.Request(slow, "描述", ("service_code", "no-such")));
        Open311Client.Errors(await client.XmlAsync(busy, HttpStatusCode.TooManyRequests), HttpStatusCode.TooManyRequests);
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {busy.Headers.RetryAfter}");
    }

    // Posts the valid request with the changes, waits for its case and answers it as GET requests/{id}.xml does.
    private static async Task<XElement> PostAndFollowAsync(Open311Client client, string key, params (string Key, string Value)[] changes)
    {
        var fields = Open311Client.Request(key, "垃圾没有清运 " + Guid.NewGuid(), [("service_code", "environment"), .. changes]);
        var token = (await client.XmlAsync(await client.PostAsync("xml", fields), HttpStatusCode.Accepted)).Element("request")!.Element("token")!.Value;
        var made = await Eventually.GetAsync(() => client.GetXmlAsync($"/tokens/{token}.xml"), t => t.Element("request")!.Element("service_request_id")!.Value.Length > 0);
        var caseId = made.Element("request")!.Element("service_request_id")!.Value;
        return (await client.GetXmlAsync($"/requests/{caseId}.xml")).Element("request")!;
    }
}
