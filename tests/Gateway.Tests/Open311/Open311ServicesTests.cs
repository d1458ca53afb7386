using System.Net;

namespace Gongzhi.Gateway.Tests.Open311;

/// <summary>Discovery, services and service definitions, as an Open311 client reads them before it posts.</summary>
[Collection(GatewayCollection.Name)]
public sealed class Open311ServicesTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Discovery_names_the_GeoReport_v2_endpoint_and_both_formats_in_XML_and_JSON()
    {
        var client = Open311Client.Of(fixture.Flow);

        var xml = await client.GetXmlAsync("/discovery.xml");
        var endpoint = xml.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value, StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));

        var json = await client.GetJsonAsync("/discovery.json");
        Assert.Equal("production", json["endpoints"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(2, json["endpoints"]![0]!["formats"]!.AsArray().Count);
        Assert.EndsWith("+08:00", json["changeset"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_are_the_community_categories_batch_with_metadata_and_Chinese_names_in_UTF8()
    {
        var client = Open311Client.Of(fixture.Flow);

        var xml = await client.GetXmlAsync("/services.xml?jurisdiction_id=ximen");
        var heating = xml.Elements("service").Single(s => s.Element("service_code")!.Value == "heating");
        Assert.Equal("供暖", heating.Element("service_name")!.Value);
        Assert.Equal("true", heating.Element("metadata")!.Value);
        Assert.Equal("batch", heating.Element("type")!.Value);
        Assert.Contains("Heating", heating.Element("description")!.Value, StringComparison.Ordinal);

        // Without jurisdiction_id: the county has one community, which answers.
        var json = await client.GetJsonAsync("/services.json");
        Assert.Equal(xml.Elements("service").Count(), json.AsArray().Count);
        Assert.True(json.AsArray().All(s => s!["metadata"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_service_definition_lists_the_kind_as_a_single_value_list_and_the_building()
    {
        var client = Open311Client.Of(fixture.Flow);

        var xml = await client.GetXmlAsync("/services/heating.xml");
        Assert.Equal("heating", xml.Element("service_code")!.Value);
        var attributes = xml.Element("attributes")!.Elements("attribute").ToList();
        var kind = attributes.Single(a => a.Element("code")!.Value == "kind");
        Assert.Equal("singlevaluelist", kind.Element("datatype")!.Value);
        Assert.Equal("true", kind.Element("required")!.Value);
        Assert.Equal(["suggestion", "grievance", "service"], kind.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
        Assert.Contains(attributes, a => a.Element("code")!.Value == "building" && a.Element("datatype")!.Value == "string");

        var json = await client.GetJsonAsync("/services/heating.json");
        Assert.Equal("kind", json["attributes"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(3, json["attributes"]![0]!["values"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_services_jurisdictions_and_formats_are_answered_in_the_spec_error_list()
    {
        var client = Open311Client.Of(fixture.Flow);

        var service = Open311Client.Errors(await client.GetXmlAsync("/services/no-such.xml", HttpStatusCode.NotFound), HttpStatusCode.NotFound);
        Assert.StartsWith("service_code:", Assert.Single(service), StringComparison.Ordinal);
        var jurisdiction = Open311Client.Errors(await client.GetJsonAsync("/services.json?jurisdiction_id=atlantis", HttpStatusCode.NotFound), HttpStatusCode.NotFound);
        Assert.StartsWith("jurisdiction_id:", Assert.Single(jurisdiction), StringComparison.Ordinal);

        // An extension other than xml and json: 400 in XML, the format every GeoReport v2 server speaks.
        var format = Open311Client.Errors(await client.GetXmlAsync("/services.csv", HttpStatusCode.BadRequest), HttpStatusCode.BadRequest);
        Assert.StartsWith("format:", Assert.Single(format), StringComparison.Ordinal);
    }
}
