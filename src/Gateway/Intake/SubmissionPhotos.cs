using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Gongzhi.Gateway.Apis;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// The <c>photos</c> of a submission: up to <see cref="PhotoPaths.MaxPerEvent"/> references that
/// <c>POST /api/v1/photos</c> gave, each an upload made for this very submission (its <c>clientRequestId</c>) within
/// <see cref="Window"/>. Every fault is a 400 naming <c>photos</c>; what passes travels as paths, never bytes.
/// </summary>
public static class SubmissionPhotos
{
    public const string Field = "photos";

    /// <summary>How long an upload waits for its submission: a resident fills the form in minutes, or returns to it within the day.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The references the body lists (none when it has no <c>photos</c>), or null with the fault in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string>? Parse(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(Field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fault(errors, "Must be a list of photo references.");
        }

        if (value.GetArrayLength() > PhotoPaths.MaxPerEvent)
        {
            return Fault(errors, $"At most {PhotoPaths.MaxPerEvent} photos; this has {value.GetArrayLength()}.");
        }

        var names = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !PhotoPaths.IsName(item.GetString()))
            {
                return Fault(errors, "Each photo is a reference POST /api/v1/photos answered (its 'photo').");
            }

            names.Add(item.GetString()!);
        }

        if (names.Distinct().Count() != names.Count)
        {
            return Fault(errors, "A photo is listed twice.");
        }

        if (names.Count > 0 && (!root.TryGetProperty("clientRequestId", out var id) || id.ValueKind != JsonValueKind.String))
        {
            return Fault(errors, "Photos go with a clientRequestId: the one their uploads were made for.");
        }

        return names;
    }

    /// <summary>Checks that each reference is an upload for this submission, within the window; adds the fault to <paramref name="errors"/>.</summary>
    public static async Task CheckAsync(IReadOnlyList<string> names, string clientRequestId, BlobServiceClient blobs, TimeProvider time,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(PhotoUploads.ContainerName);
        var hash = ResidentPhotosApi.SubmissionHash(clientRequestId);
        foreach (var name in names)
        {
            IDictionary<string, string> metadata;
            try
            {
                metadata = (await container.GetBlobClient($"{PhotoPaths.ResidentFolder}/{name}").GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                Fault(errors, $"There is no uploaded photo '{name}'.");
                return;
            }

            if (!metadata.TryGetValue(ResidentPhotosApi.SubmissionKey, out var owner) || owner != hash)
            {
                // Said like an unknown one: a stranger's reference tells nothing about whose it is.
                Fault(errors, $"There is no uploaded photo '{name}'.");
                return;
            }

            if (!metadata.TryGetValue(ResidentPhotosApi.UploadedAtKey, out var at)
                || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var uploadedAt)
                || time.GetUtcNow() - uploadedAt > Window)
            {
                Fault(errors, $"Photo '{name}' was uploaded more than {Window.TotalHours:0} hours ago; upload it again.");
                return;
            }
        }
    }

    private static IReadOnlyList<string>? Fault(Dictionary<string, string[]> errors, string message)
    {
        errors[Field] = [message];
        return null;
    }
}
