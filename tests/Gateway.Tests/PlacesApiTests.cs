using System.Net;
using System.Text.Json.Nodes;
using Gongzhi.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Gongzhi.Gateway.Tests;

/// <summary>The places GeoJSON and the locate route, as the submit page and a map use them; a bad places file stops the start.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PlacesApiTests(GatewayFixture fixture)
{
    private static readonly JsonNode Ximen = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seeds, "places", "ximen.geojson")))!;

    private static (double Lat, double Long) BuildingPoint(string compound, string building)
    {
        var feature = Ximen["features"]!.AsArray().Single(f =>
            f!["properties"]!["kind"]!.GetValue<string>() == "building"
            && f["properties"]!["compound"]!.GetValue<string>() == compound
            && f["properties"]!["building"]!.GetValue<string>() == building)!;
        var position = feature["geometry"]!["coordinates"]!.AsArray();
        return (position[1]!.GetValue<double>(), position[0]!.GetValue<double>());
    }

    [Fact]
    public async Task The_places_are_GeoJSON_with_an_outline_for_every_compound_and_a_point_for_every_building_of_the_community()
    {
        var client = fixture.Flow.CreateClient();
        var community = JsonNode.Parse(await client.GetStringAsync("/api/v1/communities/ximen"))!;

        var response = await client.GetAsync("/api/v1/communities/ximen/places");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var features = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["features"]!.AsArray().Select(f => f!).ToArray();
        string[] Of(string kind, Func<JsonNode, string> key) =>
            [.. features.Where(f => f["properties"]!["kind"]!.GetValue<string>() == kind).Select(key).Order()];
        var compounds = community["compounds"]!.AsArray();
        Assert.Equal([.. compounds.Select(c => c!["id"]!.GetValue<string>()).Order()], Of("compound", f => f["properties"]!["compound"]!.GetValue<string>()));
        Assert.Equal(
            [.. compounds.SelectMany(c => c!["buildings"]!.AsArray().Select(b => $"{c["id"]} {b}")).Order()],
            Of("building", f => $"{f["properties"]!["compound"]} {f["properties"]!["building"]}"));
        Assert.All(features.Where(f => f["properties"]!["kind"]!.GetValue<string>() == "compound"),
            f => Assert.Equal("Polygon", f["geometry"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_places_are_cacheable_and_revalidate_with_304()
    {
        var client = fixture.Flow.CreateClient();
        var first = await client.GetAsync("/api/v1/communities/ximen/places");
        Assert.NotNull(first.Headers.ETag);
        Assert.True(first.Headers.CacheControl!.Public);

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/communities/ximen/places");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/communities/nowhere/places")]
    [InlineData("/api/v1/communities/nowhere/places/locate?lat=35.727&long=116.485")]
    public async Task An_unknown_community_has_no_places(string path)
    {
        var response = await fixture.Flow.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("community-not-found", problem["code"]!.GetValue<string>());
        Assert.Equal("nowhere", problem["args"]!["communityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_point_at_a_building_is_located_to_its_compound_and_building()
    {
        var (lat, lon) = BuildingPoint("jishikou-east", "4");

        var located = JsonNode.Parse(await fixture.Flow.CreateClient().GetStringAsync(FormattableString.Invariant($"/api/v1/communities/ximen/places/locate?lat={lat}&long={lon}")))!;

        Assert.Equal("jishikou-east", located["compound"]!.GetValue<string>());
        Assert.Equal("4", located["building"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_point_outside_the_community_is_refused_with_422_naming_the_fields()
    {
        // Wenshang's east side, over a kilometre from Ximen.
        var response = await fixture.Flow.CreateClient().GetAsync("/api/v1/communities/ximen/places/locate?lat=35.7260&long=116.5100");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("location-outside-community", problem["code"]!.GetValue<string>());
        Assert.Equal("lat,long", problem["args"]!["field"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadPoints() => new()
    {
        { "long=116.485", "lat" },
        { "lat=&long=116.485", "lat" },
        { "lat=35.727", "long" },
        { "lat=abc&long=116.485", "lat" },
        { "lat=NaN&long=116.485", "lat" },
        { "lat=35.727&long=Infinity", "long" },
        { "lat=35.727&long=-Infinity", "long" },
        { "lat=90.5&long=116.485", "lat" },
        { "lat=35.727&long=-180.01", "long" },
        { "lat=1e309&long=116.485", "lat" },
        { "lat=35,727&long=116.485", "lat" },
        { $"lat={new string('9', 5000)}&long=116.485", "lat" },
    };

    [Theory]
    [MemberData(nameof(BadPoints))]
    public async Task A_bad_coordinate_gets_400_naming_it(string query, string field)
    {
        var response = await fixture.Flow.CreateClient().GetAsync($"/api/v1/communities/ximen/places/locate?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid-fields", problem["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public void A_gateway_with_a_bad_places_file_refuses_to_start_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("gongzhi-places-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ximen.geojson"), """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "kind": "compound", "compound": "c", "name": "c", "nameEn": "c" }, "geometry": { "type": "Polygon", "coordinates": [[[116.48, 35.72], [116.49, 35.72], [116.49, 35.73]]] } } ] }""");
            using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web => web.UseSetting("Places:Directory", folder));

            var refusal = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

            var messages = string.Join(" | ", Chain(refusal).Select(e => e.Message));
            Assert.Contains("ximen.geojson cannot be used", messages);
            Assert.Contains("a ring needs at least 4 positions", messages);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
