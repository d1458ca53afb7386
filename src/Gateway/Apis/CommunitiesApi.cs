namespace Gongzhi.Gateway.Apis;

/// <summary>A community: its public description, and for its dispatchers the roster and the open cases.</summary>
public static class CommunitiesApi
{
    public static IEndpointRouteBuilder MapCommunitiesApi(this IEndpointRouteBuilder app)
    {
        var communities = app.MapGroup("/api/v1/communities").Refuses(StatusCodes.Status404NotFound, RefusalCodes.CommunityNotFound);
        communities.MapGet("/{communityId}", GetAsync).WithName("GetCommunity").WithTags("Residents").AllowAnonymous()
            .WithSummary("A community's public description: its compounds, buildings and case categories");
        communities.MapGet("/{communityId}/roster", GetRosterAsync).WithName("GetRoster").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The community's cadres, with duty and load, for its dispatchers").Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        communities.MapGet("/{communityId}/cases", GetOpenCasesAsync).WithName("GetOpenCases").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The community's open cases in full, for its dispatchers").Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        return app;
    }

    /// <summary>The public description: the standing parties of its 7+X meetings are left out, as they name staff accounts.</summary>
    public static async Task<Results<Ok<CommunityInfo>, ProblemHttpResult>> GetAsync(string communityId, IClusterClient cluster) =>
        await cluster.GetGrain<ICommunityGrain>(communityId).GetInfoAsync() is { } info
            ? TypedResults.Ok(info with { StandingParties = [] })
            : Problems.CommunityNotFound(communityId);

    public static async Task<Results<Ok<IReadOnlyList<RosterEntry>>, ProblemHttpResult>> GetRosterAsync(string communityId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<ICommunityGrain>(communityId);
        if (await CheckAsync(grain, communityId, user, auth) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await grain.GetRosterAsync());
    }

    public static async Task<Results<Ok<CaseView[]>, ProblemHttpResult>> GetOpenCasesAsync(string communityId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<ICommunityGrain>(communityId);
        if (await CheckAsync(grain, communityId, user, auth) is { } refusal)
        {
            return refusal;
        }

        var ids = await grain.GetOpenCasesAsync();
        var snapshots = await Task.WhenAll(ids.Select(id => cluster.GetGrain<ICaseGrain>(id).GetAsync()));
        return TypedResults.Ok(snapshots.OfType<CaseSnapshot>().Select(CaseView.From).ToArray());
    }

    private static async Task<ProblemHttpResult?> CheckAsync(ICommunityGrain grain, string communityId, ClaimsPrincipal user, IAuthorizationService auth)
    {
        var info = await grain.GetInfoAsync();
        if (info is null)
        {
            return Problems.CommunityNotFound(communityId);
        }

        return (await auth.AuthorizeAsync(user, info.Place(), StaffOperations.DispatchCommunity)).Succeeded
            ? null
            : Problems.OutsideScope(communityId, $"Community {communityId} is outside your scope.");
    }
}
