using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Gongzhi.Cases;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Archive;

/// <summary>
/// Case timeline chunks as JSON blobs in the container <c>case-archive</c>, named
/// <c>{caseId}/{firstSeq:D8}-{lastSeq:D8}.json</c>. A chunk is written once and never changed.
/// </summary>
public sealed class BlobCaseArchive(BlobServiceClient blobs) : ICaseArchive
{
    public const string ContainerName = "case-archive";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = StoredText.Encoder,
    };

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);
    private Task? _created;

    public async Task<string> WriteAsync(string caseId, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var name = $"{caseId}/{events[0].Seq:D8}-{events[^1].Seq:D8}.json";
        var body = BinaryData.FromObjectAsJson(events, Json);
        try
        {
            // Write-once: an existing chunk of the same name is the same events (a retried archive).
            await _container.GetBlobClient(name).UploadAsync(body, overwrite: false, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
        }

        return name;
    }

    public async Task<IReadOnlyList<CaseEvent>> ReadAsync(string chunk, CancellationToken cancellationToken = default)
    {
        var content = await _container.GetBlobClient(chunk).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<CaseEvent[]>(Json) ?? [];
    }

    private Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            _created = created = _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        return created;
    }
}
