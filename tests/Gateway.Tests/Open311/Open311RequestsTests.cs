using System.Globalization;
using System.Net;

namespace Gongzhi.Gateway.Tests.Open311;

/// <summary>
/// <c>GET requests</c> and <c>GET requests/{id}</c>: the spec's fields from the case (never the resident's name or
/// phone), filtered by id list, service, dates and status.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class Open311RequestsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_request_reads_as_the_spec_fields_without_the_residents_name_or_phone()
    {
        var client = Open311Client.Of(fixture.Flow);
        var (_, key) = await fixture.IssueAsync();
        var caseId = await PostAsync(client, key, "property", "电梯坏了，请回电 13912345678");

        var xml = (await client.GetXmlAsync($"/requests/{caseId}.xml")).Element("request")!;
        Assert.Equal(caseId, xml.Element("service_request_id")!.Value);
        Assert.Equal("open", xml.Element("status")!.Value);
        Assert.Contains("社区 community", xml.Element("status_notes")!.Value, StringComparison.Ordinal);
        Assert.Equal("property", xml.Element("service_code")!.Value);
        Assert.Equal("物业管理", xml.Element("service_name")!.Value);
        Assert.Equal("电梯坏了，请回电 ***", xml.Element("description")!.Value);
        Assert.Contains("西门社区", xml.Element("agency_responsible")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("+08:00", xml.Element("requested_datetime")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("+08:00", xml.Element("expected_datetime")!.Value, StringComparison.Ordinal);
        Assert.Equal("huiqian-xinyuan/A", xml.Element("address_id")!.Value);
        Assert.Equal("", xml.Element("zipcode")!.Value);
        Assert.DoesNotContain("13805371234", xml.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("福华", xml.ToString(), StringComparison.Ordinal);

        var json = (await client.GetJsonAsync($"/requests/{caseId}.json"))[0]!;
        Assert.Equal(xml.Element("requested_datetime")!.Value, json["requested_datetime"]!.GetValue<string>());
        Assert.Equal(35.72535, json["lat"]!.GetValue<double>(), 4);

        var unknown = Open311Client.Errors(await client.GetXmlAsync("/requests/0000000000000000.xml", HttpStatusCode.NotFound), HttpStatusCode.NotFound);
        Assert.StartsWith("service_request_id:", Assert.Single(unknown), StringComparison.Ordinal);
        Assert.StartsWith("token:", Assert.Single(Open311Client.Errors(await client.GetXmlAsync("/tokens/not-a-token.xml", HttpStatusCode.NotFound), HttpStatusCode.NotFound)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_filtered_by_ids_service_dates_and_status()
    {
        var client = Open311Client.Of(fixture.Flow);
        var (_, key) = await fixture.IssueAsync();
        var open = await PostAsync(client, key, "heating", "暖气片漏水 " + Guid.NewGuid());
        var resolved = await PostAsync(client, key, "heating", "暖气不热 " + Guid.NewGuid());
        await Eventually.GetAsync(() => fixture.CaseAsync(resolved), c => c["status"]!.GetValue<string>() == "assigned");
        await fixture.ResolveQuietlyAsync(resolved);

        var byIds = await client.GetXmlAsync($"/requests.xml?service_request_id={open},{resolved}");
        Assert.Equal(new[] { open, resolved }.Order(), byIds.Elements("request").Select(r => r.Element("service_request_id")!.Value).Order());

        // The KPI facts the list draws on arrive a moment after the case changes.
        var closed = await Eventually.GetAsync(() => client.GetJsonAsync("/requests.json?service_code=heating&status=closed"),
            list => list.AsArray().Any(r => r!["service_request_id"]!.GetValue<string>() == resolved));
        Assert.All(closed.AsArray(), r => Assert.Equal("closed", r!["status"]!.GetValue<string>()));
        Assert.DoesNotContain(closed.AsArray(), r => r!["service_request_id"]!.GetValue<string>() == open);

        var opened = await Eventually.GetAsync(() => client.GetXmlAsync("/requests.xml?service_code=heating&status=open"),
            list => list.Elements("request").Any(r => r.Element("service_request_id")!.Value == open));
        Assert.All(opened.Elements("request"), r => Assert.Equal("open", r.Element("status")!.Value));

        var both = await client.GetXmlAsync("/requests.xml?service_code=environment,heating&status=open,closed");
        Assert.Contains(both.Elements("request"), r => r.Element("service_request_id")!.Value == resolved);
        Assert.All(both.Elements("request"), r => Assert.Contains(r.Element("service_code")!.Value, new[] { "environment", "heating" }));

        var tomorrow = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        Assert.Empty((await client.GetXmlAsync($"/requests.xml?start_date={tomorrow}")).Elements("request"));
        var lastWeek = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-7).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        var window = await client.GetXmlAsync($"/requests.xml?start_date={lastWeek}&end_date={tomorrow}&service_code=heating");
        Assert.Contains(window.Elements("request"), r => r.Element("service_request_id")!.Value == open);
        var yesterday = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        Assert.DoesNotContain((await client.GetXmlAsync($"/requests.xml?end_date={yesterday}")).Elements("request"), r => r.Element("service_request_id")!.Value == open);
    }

    [Theory]
    [InlineData("status=pending", "status:")]
    [InlineData("start_date=yesterday", "start_date:")]
    [InlineData("end_date=2026-01-01T00:00:00", "end_date:")]
    [InlineData("start_date=2026-02-01T00:00:00%2B08:00&end_date=2026-01-01T00:00:00%2B08:00", "start_date:")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string prefix)
    {
        var client = Open311Client.Of(fixture.Flow);

        Assert.StartsWith(prefix, Assert.Single(Open311Client.Errors(await client.GetXmlAsync($"/requests.xml?{query}", HttpStatusCode.BadRequest), HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.StartsWith(prefix, Assert.Single(Open311Client.Errors(await client.GetJsonAsync($"/requests.json?{query}", HttpStatusCode.BadRequest), HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(Open311Client client, string key, string serviceCode, string description)
    {
        var fields = Open311Client.Request(key, description, ("service_code", serviceCode), ("attribute[kind]", "service"));
        var token = (await client.XmlAsync(await client.PostAsync("xml", fields), HttpStatusCode.Accepted)).Element("request")!.Element("token")!.Value;
        var made = await Eventually.GetAsync(() => client.GetXmlAsync($"/tokens/{token}.xml"), t => t.Element("request")!.Element("service_request_id")!.Value.Length > 0);
        return made.Element("request")!.Element("service_request_id")!.Value;
    }
}
