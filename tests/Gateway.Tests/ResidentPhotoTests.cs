using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// A resident uploads photos before submitting and the submission names them: the bytes are checked at upload (a real
/// JPEG, PNG or WebP, whole, with sane sides, within 5 MB), the submission takes at most 3 references of uploads made for
/// it, and the photos reach the case's submitted event where the resident and the staff see them.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ResidentPhotoTests(GatewayFixture fixture)
{
    public static TheoryData<string, string> Images => new() { { "image/jpeg", "jpg" }, { "image/png", "png" }, { "image/webp", "webp" } };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task A_real_photo_is_stored_under_an_unguessable_name_and_served_back_as_it_is(string type, string extension)
    {
        var bytes = ImageOf(type);
        var uploaded = await UploadAsync(bytes, type, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var answer = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Matches($"^[0-9a-f]{{32}}\\.{extension}$", answer["photo"]!.GetValue<string>());
        var served = await fixture.Flow.CreateClient().GetAsync(answer["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(type, served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_page_labelled_as_a_jpeg_is_refused_415_as_not_an_image()
    {
        var uploaded = await UploadAsync(Encoding.UTF8.GetBytes("<!doctype html><script>alert(1)</script>"), "image/jpeg", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, uploaded.StatusCode);
        Assert.Equal("photo-not-image", await CodeAsync(uploaded));
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("image/webp")]
    public async Task A_photo_cut_short_is_refused_400_as_unreadable(string type)
    {
        var uploaded = await UploadAsync(TestImages.Truncated(ImageOf(type)), type, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.Equal("photo-unreadable", await CodeAsync(uploaded));
    }

    [Fact]
    public async Task A_png_claiming_a_side_of_a_million_pixels_is_refused_400_as_unreadable()
    {
        var png = TestImages.Png.ToArray();
        png[16] = 0x00;
        png[17] = 0x0F; // width 0x000F0008: ~983,000 px

        var uploaded = await UploadAsync(png, "image/png", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.Equal("photo-unreadable", await CodeAsync(uploaded));
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_refused_413_too_large()
    {
        var huge = new byte[5 * 1024 * 1024 + 10];
        TestImages.Jpeg.CopyTo(huge, 0);

        var uploaded = await UploadAsync(huge, "image/jpeg", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, uploaded.StatusCode);
        Assert.Equal("too-large", await CodeAsync(uploaded));
    }

    [Fact]
    public async Task An_upload_without_the_submissions_request_id_is_refused_naming_it()
    {
        var uploaded = await UploadAsync(TestImages.Jpeg, "image/jpeg", clientRequestId: null);

        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.True((await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("clientRequestId"));
    }

    [Fact]
    public async Task A_submission_with_four_photos_is_refused_naming_photos()
    {
        var id = Guid.NewGuid().ToString();
        var photos = new JsonArray();
        for (var i = 0; i < 4; i++)
        {
            photos.Add(await PhotoAsync(id));
        }

        var refused = await SubmitAsync(id, photos);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["photos"], await FieldsAsync(refused));
    }

    [Fact]
    public async Task A_submission_naming_an_unknown_photo_or_one_uploaded_for_another_submission_is_refused_naming_photos()
    {
        var id = Guid.NewGuid().ToString();
        var someoneElses = await PhotoAsync(Guid.NewGuid().ToString());

        var unknown = await SubmitAsync(id, [$"{Guid.NewGuid():N}.jpg"]);
        var foreign = await SubmitAsync(id, [someoneElses]);
        var malformed = await SubmitAsync(id, ["../../secrets.jpg"]);

        foreach (var refused in new[] { unknown, foreign, malformed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["photos"], await FieldsAsync(refused));
        }
    }

    [Fact]
    public async Task Photos_submitted_with_a_case_reach_its_submitted_event_for_the_resident_and_the_staff()
    {
        var id = Guid.NewGuid().ToString();
        JsonArray photos = [await PhotoAsync(id), await PhotoAsync(id, TestImages.Png, "image/png")];

        var accepted = await SubmitAsync(id, photos);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var answer = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = answer["trackingToken"]!.GetValue<string>();
        var track = await Eventually.GetAsync(
            async () => await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{token}"),
            t => t?["timeline"]?.AsArray().Count > 0);
        string[] expected = [.. photos.Select(p => $"/api/v1/photos/{p!.GetValue<string>()}")];
        Assert.Equal(expected, SubmittedPhotos(track!));
        var staffView = await fixture.CaseAsync(answer["caseId"]!.GetValue<string>());
        Assert.Equal(expected, SubmittedPhotos(staffView));
        var second = await fixture.Flow.CreateClient().GetAsync(expected[1]);
        Assert.Equal(TestImages.Png, await second.Content.ReadAsByteArrayAsync());
        await fixture.ResolveQuietlyAsync(answer["caseId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resolution_takes_up_to_three_of_its_cases_photos_and_refuses_a_fourth_or_anothers()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync();
        var cadre = await fixture.StaffAsync("cadre", theCase["assigneeId"]!.GetValue<string>(), "ximen");
        var urls = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var uploaded = await cadre.PostAsync($"/api/v1/cases/{caseId}/photos", TestImages.Content(TestImages.Jpeg, "image/jpeg"));
            urls.Add((await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.OK, (await cadre.PostAsync($"/api/v1/cases/{caseId}/acknowledge", null)).StatusCode);
        var four = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "修好了", photos = urls });
        var foreign = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "修好了", photos = new[] { $"/api/v1/cases/other/photos/{Guid.NewGuid():N}.jpg" } });
        Assert.Equal(["photos"], await FieldsAsync(four));
        Assert.Equal(["photos"], await FieldsAsync(foreign));

        var resolved = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/resolve", new { note = "修好了", photos = urls.Take(3) });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var track = (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/track/{token}"))!;
        var last = track["timeline"]!.AsArray()[^1]!;
        Assert.Equal("resolved", last["type"]!.GetValue<string>());
        Assert.Equal(urls.Take(3), last["photos"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    private static byte[] ImageOf(string type) => type switch
    {
        "image/jpeg" => TestImages.Jpeg,
        "image/png" => TestImages.Png,
        _ => TestImages.WebP,
    };

    private static string[] SubmittedPhotos(JsonObject view) =>
        [.. view["timeline"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "submitted")!["photos"]!.AsArray().Select(p => p!.GetValue<string>())];

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string type, string? clientRequestId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/photos") { Content = TestImages.Content(bytes, type) };
        if (clientRequestId is not null)
        {
            request.Headers.Add("X-Client-Request-Id", clientRequestId);
        }

        return await fixture.Flow.CreateClient().SendAsync(request);
    }

    private async Task<string> PhotoAsync(string clientRequestId, byte[]? bytes = null, string type = "image/jpeg")
    {
        var uploaded = await UploadAsync(bytes ?? TestImages.Jpeg, type, clientRequestId);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["photo"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SubmitAsync(string clientRequestId, JsonArray photos)
    {
        var body = Submissions.Valid("neighbour-dispute", clientRequestId);
        body["photos"] = photos;
        return fixture.Flow.CreateClient().PostAsJsonAsync("/api/v1/cases", body);
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key)];
}
