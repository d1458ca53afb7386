using Azure.Storage.Blobs;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Photos of the work done, for a resolution: the case's cadre (or an official of its level) uploads the
/// image bytes (checked as <see cref="PhotoUploads"/> says); the answer's URL goes into the resolve call's <c>photos</c>. Stored in the blob container
/// <c>attachments</c> under an unguessable name, so the URL itself is the right to see it, like a tracking link.
/// </summary>
public static class PhotosApi
{
    public const int MaxBytes = PhotoUploads.MaxBytes;

    public sealed record PhotoUploaded(string Url);

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{caseId}/photos", UploadAsync).WithName("UploadPhoto").WithTags("Staff")
            .Accepts<IFormFile>("image/jpeg", "image/png", "image/webp").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes + 1))
            .WithSummary("Upload a photo of the work done, for the resolution's photos")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields, RefusalCodes.PhotoUnreadable).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.NotCaseHandler)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CaseNotFound).Refuses(StatusCodes.Status413PayloadTooLarge, RefusalCodes.TooLarge)
            .Refuses(StatusCodes.Status415UnsupportedMediaType, RefusalCodes.PhotoNotImage);
        app.MapGet("/api/v1/cases/{caseId}/photos/{name}", DownloadAsync).WithName("GetPhoto").WithTags("Residents").AllowAnonymous()
            .WithSummary("A photo of a resolution; its unguessable URL is the right to see it")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.PhotoNotFound);
        return app;
    }

    public static async Task<Results<Created<PhotoUploaded>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        string caseId, HttpRequest request, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster, BlobServiceClient blobs,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return Problems.TooLarge(MaxBytes);
        }

        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        if (!(await auth.AuthorizeAsync(user, new CaseAccess(snapshot, null), StaffOperations.AttachPhoto)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.NotCaseHandler, "Only the case's cadre, or an official of the level it is at, attaches photos.");
        }

        var reading = await PhotoUploads.ReadAsync(request, cancellationToken);
        if (reading.Photo is not { } photo)
        {
            return reading.Invalid is { } invalid ? invalid : reading.Problem!;
        }

        var name = photo.NewName();
        await PhotoUploads.StoreAsync(blobs, $"{caseId}/{name}", photo, null, cancellationToken);
        var url = PhotoPaths.OfCase(caseId, name);
        return TypedResults.Created(url, new PhotoUploaded(url));
    }

    public static Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string caseId, string name, HttpContext http, BlobServiceClient blobs, CancellationToken cancellationToken) =>
        PhotoUploads.ServeAsync(blobs, $"{caseId}/{name}", http,
            () => Problems.NotFound("No such photo", Refusal.Of(RefusalCodes.PhotoNotFound, $"Case {caseId} has no photo '{name}'.", ("caseId", caseId), ("name", name))),
            cancellationToken);
}
