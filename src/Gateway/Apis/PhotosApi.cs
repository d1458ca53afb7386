using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Photos of the work done, for a resolution: the case's cadre (or an official of its level) uploads the
/// image bytes; the answer's URL goes into the resolve call's <c>photoUrl</c>. Stored in the blob container
/// <c>attachments</c> under an unguessable name, so the URL itself is the right to see it, like a tracking link.
/// </summary>
public static class PhotosApi
{
    public const string ContainerName = "attachments";
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record PhotoUploaded(string Url);

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{caseId}/photos", UploadAsync).WithName("UploadPhoto").WithTags("Staff")
            .Accepts<IFormFile>("image/jpeg", "image/png", "image/webp").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes + 1))
            .WithSummary("Upload a photo of the work done, for the resolution's photoUrl")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.NotCaseHandler)
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
        if (request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not { } declared || !PhotoTypes.Extensions.ContainsKey(declared))
        {
            return Problems.Invalid("body", "Send the image itself with Content-Type image/jpeg, image/png or image/webp.");
        }

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

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return Problems.TooLarge(MaxBytes);
        }

        if (buffer.Length == 0)
        {
            return Problems.Invalid("body", "The image is empty.");
        }

        // The bytes say what the photo is; the Content-Type only had to claim an image to get this far.
        if (PhotoTypes.Sniff(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } type)
        {
            return Problems.UnsupportedMediaType(Refusal.Of(RefusalCodes.PhotoNotImage, "The bytes are not a JPEG, PNG or WebP image, whatever the Content-Type says."));
        }

        var name = $"{Guid.NewGuid():N}.{PhotoTypes.Extensions[type]}";
        var container = blobs.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        buffer.Position = 0;
        await container.GetBlobClient($"{caseId}/{name}").UploadAsync(buffer, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = type } }, cancellationToken);
        var url = $"/api/v1/cases/{caseId}/photos/{name}";
        return TypedResults.Created(url, new PhotoUploaded(url));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string caseId, string name, HttpContext http, BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(ContainerName).GetBlobClient($"{caseId}/{name}");
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            var type = download.Value.Details.ContentType is { } stored && PhotoTypes.Extensions.ContainsKey(stored) ? stored : "application/octet-stream";
            // The browser takes the type as given, never guessing a page or script from the bytes (the global headers say so too).
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Stream(download.Value.Content, type);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return Problems.NotFound("No such photo", Refusal.Of(RefusalCodes.PhotoNotFound, $"Case {caseId} has no photo '{name}'.", ("caseId", caseId), ("name", name)));
        }
    }
}
