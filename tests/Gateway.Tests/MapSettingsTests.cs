using System.Net;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>The map pages learn the tile source from Map:TileUrl; none by default; the pages' CSP lets exactly that origin's tiles in.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MapSettingsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Without_a_tile_source_the_map_pages_are_told_there_is_none_and_the_csp_admits_no_other_images()
    {
        var response = await fixture.Flow.CreateClient().GetAsync("/api/v1/map/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(settings["tileUrl"]);
        Assert.Null(settings["tileAttribution"]);
        Assert.Contains("img-src 'self' data: blob:;", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_configured_tile_source_reaches_the_map_pages_and_its_origin_is_allowed_to_serve_images()
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web =>
        {
            web.UseSetting("Map:TileUrl", "https://{s}.tiles.example.org/{z}/{x}/{y}.png");
            web.UseSetting("Map:TileAttribution", "© Example Tiles");
        });

        var response = await gateway.CreateClient().GetAsync("/api/v1/map/settings");

        var settings = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("https://{s}.tiles.example.org/{z}/{x}/{y}.png", settings["tileUrl"]!.GetValue<string>());
        Assert.Equal("© Example Tiles", settings["tileAttribution"]!.GetValue<string>());
        Assert.Contains("img-src 'self' data: blob: https://*.tiles.example.org;", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.org/{z}/{x}.png")]
    public void A_tile_source_that_is_not_an_http_template_is_refused_at_start(string url)
    {
        using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web => web.UseSetting("Map:TileUrl", url));

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Map:TileUrl", error.ToString());
    }
}
