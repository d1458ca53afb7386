namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>GET /api/v1/alerts?scope=</c>: the early warnings of collective grievances of a community (for its dispatchers)
/// or of every community of a sub-district or county (for its officials), newest first.
/// </summary>
public static class AlertsApi
{
    /// <summary>How many warnings one answer carries at most.</summary>
    public const int Newest = 100;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts", GetAsync).WithName("GetSurgeAlerts").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("Early warnings of collective grievances in a community, sub-district or county, newest first")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        return app;
    }

    public static async Task<Results<Ok<SurgeAlertView[]>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? scope, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (string.IsNullOrWhiteSpace(scope) || scope.Length > TextLimits.Code)
        {
            return Problems.Invalid("scope", "Required: a community, sub-district or county id.");
        }

        var places = await cluster.GetGrain<ICommunityDirectoryGrain>(0).FindAsync(scope);
        if (places.Count == 0)
        {
            return Problems.Invalid("scope", $"There is no community, sub-district or county '{scope}'.");
        }

        var allowed = places is [{ } community] && community.Id == scope
            ? await auth.AuthorizeAsync(user, community, StaffOperations.DispatchCommunity)
            : await auth.AuthorizeAsync(user, new LevelOwner(scope), StaffOperations.WatchLevel);
        if (!allowed.Succeeded)
        {
            return Problems.OutsideScope(scope, $"The warnings of {scope} are outside your scope.");
        }

        var lists = await Task.WhenAll(places.Select(p => cluster.GetGrain<ICommunityGrain>(p.Id).GetSurgeAlertsAsync()));
        return TypedResults.Ok(lists.SelectMany(l => l).OrderByDescending(a => a.At).ThenByDescending(a => a.AlertId, StringComparer.Ordinal)
            .Take(Newest).Select(SurgeAlertView.From).ToArray());
    }
}
