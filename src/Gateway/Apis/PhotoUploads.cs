using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// What both photo uploads share: the body read up to <see cref="MaxBytes"/>, its bytes checked (a JPEG, PNG or WebP by
/// its magic numbers, whole, with a readable header and sane width and height), and the blob written under a new
/// unguessable name in the container <c>attachments</c>. The blob is written whole or not at all; an upload nothing
/// refers to is harmless (see docs/architecture.md, "Issue 14 — photos").
/// </summary>
public static class PhotoUploads
{
    public const string ContainerName = "attachments";

    /// <summary>The largest photo accepted; the pages resize to ≤ 1,600 px JPEG first, which is a few hundred KB.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>An image whose bytes were checked: its sniffed media type and the bytes.</summary>
    public sealed record CheckedPhoto(string Type, MemoryStream Bytes)
    {
        /// <summary>A fresh unguessable blob name with the type's extension: 128 random bits.</summary>
        public string NewName() => $"{Guid.NewGuid():N}.{PhotoTypes.Extensions[Type]}";
    }

    /// <summary>A checked photo, or why it is refused (a <see cref="ValidationProblem"/> or a <see cref="ProblemHttpResult"/>).</summary>
    public sealed record Reading(CheckedPhoto? Photo, ValidationProblem? Invalid = null, ProblemHttpResult? Problem = null);

    /// <summary>Reads and checks the body; 400 without an image type, 413 above the limit, 415 when the bytes are no image, 400 <c>photo-unreadable</c>.</summary>
    public static async Task<Reading> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not { } declared || !PhotoTypes.Extensions.ContainsKey(declared))
        {
            return new(null, Problems.Invalid("body", "Send the image itself with Content-Type image/jpeg, image/png or image/webp."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return new(null, Problem: Problems.TooLarge(MaxBytes));
        }

        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return new(null, Problem: Problems.TooLarge(MaxBytes));
        }

        if (buffer.Length == 0)
        {
            return new(null, Problems.Invalid("body", "The image is empty."));
        }

        // The bytes say what the photo is; the Content-Type only had to claim an image to get this far.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (PhotoTypes.Sniff(bytes) is not { } type)
        {
            return new(null, Problem: Problems.UnsupportedMediaType(Refusal.Of(RefusalCodes.PhotoNotImage, "The bytes are not a JPEG, PNG or WebP image, whatever the Content-Type says.")));
        }

        if (PhotoHeaders.Read(type, bytes) is null)
        {
            var refusal = Refusal.Of(RefusalCodes.PhotoUnreadable,
                $"The {PhotoTypes.Extensions[type]} image cannot be read: its header is damaged, the file is cut short, or a side is not 1–{PhotoHeaders.MaxSide} px.");
            return new(null, Problem: TypedResults.Problem(refusal.Detail, statusCode: StatusCodes.Status400BadRequest, title: "Unreadable photo", extensions: Problems.Extensions(refusal)));
        }

        buffer.Position = 0;
        return new(new CheckedPhoto(type, buffer));
    }

    /// <summary>Writes the checked photo as the blob <paramref name="path"/>, with its sniffed type and <paramref name="metadata"/>.</summary>
    public static async Task StoreAsync(BlobServiceClient blobs, string path, CheckedPhoto photo, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await container.GetBlobClient(path).UploadAsync(photo.Bytes,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = photo.Type }, Metadata = metadata }, cancellationToken);
    }

    /// <summary>Serves the blob <paramref name="path"/> with its stored type, or 404 <c>photo-not-found</c>.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(
        BlobServiceClient blobs, string path, HttpContext http, Func<ProblemHttpResult> notFound, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(ContainerName).GetBlobClient(path);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            var type = download.Value.Details.ContentType is { } stored && PhotoTypes.Extensions.ContainsKey(stored) ? stored : "application/octet-stream";
            // The browser takes the type as given, never guessing a page or script from the bytes (the global headers say so too).
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // The name never changes what it holds: a thumbnail is fetched once.
            http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            return TypedResults.Stream(download.Value.Content, type);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return notFound();
        }
    }
}
