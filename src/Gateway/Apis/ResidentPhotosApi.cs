using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// A resident's photos, uploaded one by one before submitting: anonymous and rate-limited per address (see
/// <see cref="Extensions.RateLimits.PhotoUpload"/>). Each upload is tied to the submission to come by the header
/// <c>X-Client-Request-Id</c> (the submission's own <c>clientRequestId</c>); the blob keeps only a hash of it and the
/// time, which <see cref="Intake.SubmissionPhotos"/> checks when the submission names the photo.
/// </summary>
public static class ResidentPhotosApi
{
    public const string SubmissionHeader = "X-Client-Request-Id";

    /// <summary>Blob metadata: the hash of the submission's client request id, and when the photo was uploaded.</summary>
    public const string SubmissionKey = "submission";

    public const string UploadedAtKey = "uploadedat";

    public sealed record ResidentPhotoUploaded(string Photo, string Url);

    public static IEndpointRouteBuilder MapResidentPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/photos", UploadAsync).WithName("UploadSubmissionPhoto").WithTags("Residents").AllowAnonymous()
            .Accepts<IFormFile>("image/jpeg", "image/png", "image/webp")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoUploads.MaxBytes + 1))
            .WithSummary("Upload a photo for a submission to come; answers the reference to list in its photos")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields, RefusalCodes.PhotoUnreadable)
            .Refuses(StatusCodes.Status413PayloadTooLarge, RefusalCodes.TooLarge)
            .Refuses(StatusCodes.Status415UnsupportedMediaType, RefusalCodes.PhotoNotImage)
            .Refuses(StatusCodes.Status429TooManyRequests, RefusalCodes.RateLimited);
        app.MapGet("/api/v1/photos/{name}", DownloadAsync).WithName("GetSubmissionPhoto").WithTags("Residents").AllowAnonymous()
            .WithSummary("A photo a resident submitted; its unguessable URL is the right to see it")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.PhotoNotFound);
        return app;
    }

    /// <summary>The hash a photo's blob keeps of its submission's client request id (which itself must stay secret: it yields the case).</summary>
    public static string SubmissionHash(string clientRequestId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientRequestId.ToLowerInvariant())).AsSpan(0, 16));

    public static async Task<Results<Created<ResidentPhotoUploaded>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, BlobServiceClient blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Headers[SubmissionHeader].ToString() is not { Length: > 0 } clientRequestId || !Guid.TryParseExact(clientRequestId, "D", out _))
        {
            return Problems.Invalid("clientRequestId", $"Send the header {SubmissionHeader}: the UUID the submission will carry as clientRequestId.");
        }

        var reading = await PhotoUploads.ReadAsync(request, cancellationToken);
        if (reading.Photo is not { } photo)
        {
            return reading.Invalid is { } invalid ? invalid : reading.Problem!;
        }

        var name = photo.NewName();
        var metadata = new Dictionary<string, string>
        {
            [SubmissionKey] = SubmissionHash(clientRequestId),
            [UploadedAtKey] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await PhotoUploads.StoreAsync(blobs, $"{PhotoPaths.ResidentFolder}/{name}", photo, metadata, cancellationToken);
        var url = PhotoPaths.OfResident(name);
        return TypedResults.Created(url, new ResidentPhotoUploaded(name, url));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string name, HttpContext http, BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        ProblemHttpResult NotFound() =>
            Problems.NotFound("No such photo", Refusal.Of(RefusalCodes.PhotoNotFound, $"There is no photo '{name}'.", ("caseId", ""), ("name", name)));

        return PhotoPaths.IsName(name)
            ? await PhotoUploads.ServeAsync(blobs, $"{PhotoPaths.ResidentFolder}/{name}", http, NotFound, cancellationToken)
            : NotFound();
    }
}
