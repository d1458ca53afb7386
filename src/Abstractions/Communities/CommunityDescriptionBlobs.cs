using System.Text.Json;
using Gongzhi.Intake;

namespace Gongzhi.Communities;

/// <summary>
/// Where a community's public description is copied for the gateways, beside the grain's own state: one JSON blob
/// per community, written by the community when it is configured and read by a gateway that must check a
/// submission while no silo answers (a gateway that has just started knows no community yet).
/// </summary>
public static class CommunityDescriptionBlobs
{
    public const string Container = "community-descriptions";

    public static string BlobName(string communityId) => $"{communityId}.json";

    public static BinaryData ToJson(CommunityInfo info) => BinaryData.FromObjectAsJson(info, IntakeMessage.Json);

    public static CommunityInfo? Parse(BinaryData json) => json.ToObjectFromJson<CommunityInfo>(IntakeMessage.Json);
}
