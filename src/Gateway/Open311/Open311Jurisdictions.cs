namespace Gongzhi.Gateway.Open311;

/// <summary>
/// A jurisdiction is a community: <c>jurisdiction_id</c> is the community id. It may be left out while the county has
/// one community (the spec makes it optional for servers of one jurisdiction); with more it is required.
/// </summary>
public sealed class Open311Jurisdictions(IClusterClient cluster, CommunityInfoCache communities)
{
    public async Task<(CommunityInfo? Community, Open311Result? Refusal)> FindAsync(string? jurisdictionId, Open311Format format)
    {
        var id = jurisdictionId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            var all = await cluster.GetGrain<ICommunityDirectoryGrain>(0).ListAsync();
            if (all.Count != 1)
            {
                return (null, Open311Errors.Invalid(format, "jurisdiction_id",
                    $"Required: this server has {all.Count} jurisdictions (communities): {string.Join(", ", all.Select(c => c.Id))}."));
            }

            id = all[0].Id;
        }

        if (id.Length > Apis.TextLimits.Code || await communities.GetAsync(id) is not { } community)
        {
            return (null, Open311Errors.NotFound(format, $"jurisdiction_id: There is no jurisdiction '{Shorten(id)}'."));
        }

        return (community, null);
    }

    private static string Shorten(string text) => text.Length <= Apis.TextLimits.Code ? text : text[..Apis.TextLimits.Code] + "…";
}
