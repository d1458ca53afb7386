using Azure;
using Azure.Storage.Blobs;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// Where a gateway learns a community's description: its grain, or — when the cluster does not answer — the copy
/// the community keeps in blob storage (<see cref="CommunityDescriptionBlobs"/>). So a gateway that starts while no
/// silo answers, or meets a community for the first time then, still checks and queues submissions.
/// </summary>
public sealed class CommunityDescriptionSource(Func<string, Task<CommunityInfo?>> fromCluster, BlobServiceClient blobs, ILogger<CommunityDescriptionSource> logger)
{
    /// <summary>How long the cluster may take before the stored copy answers instead.</summary>
    public static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(3);

    public CommunityDescriptionSource(IClusterClient cluster, BlobServiceClient blobs, ILogger<CommunityDescriptionSource> logger)
        : this(id => cluster.GetGrain<ICommunityGrain>(id).GetInfoAsync(), blobs, logger)
    {
    }

    public async Task<CommunityInfo?> LoadAsync(string communityId)
    {
        try
        {
            return await fromCluster(communityId).WaitAsync(ClusterTimeout);
        }
        catch (Exception clusterError)
        {
            if (await StoredAsync(communityId) is { } stored)
            {
                logger.LogWarning(clusterError, "The cluster did not describe community {CommunityId}; using its stored description", communityId);
                return stored;
            }

            throw;
        }
    }

    // Null when there is no copy or storage does not answer either: the caller reports the cluster's failure.
    private async Task<CommunityInfo?> StoredAsync(string communityId)
    {
        try
        {
            var blob = blobs.GetBlobContainerClient(CommunityDescriptionBlobs.Container).GetBlobClient(CommunityDescriptionBlobs.BlobName(communityId));
            var content = await blob.DownloadContentAsync();
            return CommunityDescriptionBlobs.Parse(content.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the stored description of community {CommunityId}", communityId);
            return null;
        }
    }
}
