using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>A photo is what its bytes are, not what its Content-Type claims, and it is served so that no browser runs it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PhotoTests(GatewayFixture fixture)
{
    private static readonly byte[] Png = TestImages.Png;

    private static readonly string[] NotImages =
    [
        "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"10\"/></svg>",
        "alert(document.cookie);",
        "RIFF\0\0\0\0WAVEfmt ",
    ];

    [Fact]
    public async Task A_page_or_script_labelled_as_a_png_is_refused_as_not_an_image()
    {
        var (caseId, _, theCase) = await fixture.SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");

        foreach (var body in NotImages)
        {
            var response = await cadre.PostAsync($"/api/v1/cases/{caseId}/photos", Image(Encoding.UTF8.GetBytes(body), "image/png"));

            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("photo-not-image", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        }

        await fixture.ResolveQuietlyAsync(caseId);
    }

    [Fact]
    public async Task A_real_png_sent_as_a_jpeg_is_stored_and_served_as_a_png_with_nosniff()
    {
        var (caseId, _, theCase) = await fixture.SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");

        var uploaded = await cadre.PostAsync($"/api/v1/cases/{caseId}/photos", Image(Png, "image/jpeg"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
        Assert.EndsWith(".png", url);

        var photo = await fixture.Flow.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(photo.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
        await fixture.ResolveQuietlyAsync(caseId);
    }

    private static ByteArrayContent Image(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(type);
        return content;
    }
}
