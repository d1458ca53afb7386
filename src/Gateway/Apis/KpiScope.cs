using Gongzhi.Ladder;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// What a KPI report's <c>scope</c> names: a community, sub-district or county (the communities it covers), or a county
/// department (every community of its county, counting only the cases of the department's categories).
/// </summary>
public sealed record KpiScope(IReadOnlyList<CommunityPlace> Places, string? Department)
{
    /// <summary>The scope's places, or null when no community, sub-district, county or department has that id.</summary>
    public static async Task<KpiScope?> FindAsync(string scope, IClusterClient cluster)
    {
        var directory = cluster.GetGrain<ICommunityDirectoryGrain>(0);
        var places = await directory.FindAsync(scope);
        if (places.Count > 0)
        {
            return new KpiScope(places, null);
        }

        var all = await directory.ListAsync();
        foreach (var county in all.Select(p => p.CountyId).Distinct(StringComparer.Ordinal))
        {
            var catalog = await cluster.GetGrain<ICountyCatalogGrain>(county).GetAsync();
            if (catalog?.Categories.Any(c => c.DepartmentId == scope) == true)
            {
                return new KpiScope(all.Where(p => p.CountyId == county).ToArray(), scope);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the caller may read it: a dispatcher (or admin) of every community it covers, or the official of the level
    /// it names — the sub-district's official, the department's liaison, the county's leader.
    /// </summary>
    public async Task<bool> MayReadAsync(string scope, ClaimsPrincipal user, IAuthorizationService auth)
    {
        if ((await auth.AuthorizeAsync(user, new LevelOwner(scope), StaffOperations.WatchLevel)).Succeeded)
        {
            return true;
        }

        if (Department is not null)
        {
            return false;
        }

        foreach (var place in Places)
        {
            if (!(await auth.AuthorizeAsync(user, place, StaffOperations.DispatchCommunity)).Succeeded)
            {
                return false;
            }
        }

        return true;
    }
}
