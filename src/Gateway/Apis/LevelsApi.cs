namespace Gongzhi.Gateway.Apis;

/// <summary><c>GET /api/v1/levels/mine</c>: which rung of the ladder the caller's scope owns, so the pages send each official to their level's page.</summary>
public static class LevelsApi
{
    public static IEndpointRouteBuilder MapLevelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/levels/mine", GetMineAsync).WithName("GetMyLevel").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The level the caller's scope owns: community, sub-district, department or the county leader")
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.NotFound);
        return app;
    }

    public static async Task<Results<Ok<LevelView>, ProblemHttpResult>> GetMineAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var scope = user.Scope() ?? "";
        return await LevelOfAsync(scope, cluster) is { } level
            ? TypedResults.Ok(level)
            : Problems.NotFound("No such level", Refusal.Of(RefusalCodes.NotFound, $"No community, sub-district, county or department has the id '{scope}'."));
    }

    /// <summary>The level <paramref name="scope"/> owns, or null when no place or department has that id.</summary>
    public static async Task<LevelView?> LevelOfAsync(string scope, IClusterClient cluster)
    {
        if (await KpiScope.FindAsync(scope, cluster) is not { Places: [var first, ..] } found)
        {
            return null;
        }

        var level = found.Department is not null ? CaseLevel.Department
            : found.Places is [var only] && only.Id == scope ? CaseLevel.Community
            : found.Places.All(p => p.SubdistrictId == scope) ? CaseLevel.Subdistrict
            : CaseLevel.Leader;
        return new LevelView(level, scope, first.CountyId);
    }
}
