using Gongzhi.Ladder;

namespace Gongzhi.Gateway.Apis;

/// <summary><c>GET /api/v1/queues/{scopeId}/cases</c>: the cases escalated to a sub-district, department or county leader.</summary>
public static class QueuesApi
{
    public static IEndpointRouteBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/queues/{scopeId}/cases", GetAsync).WithName("GetLevelQueue").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The cases at a sub-district, department or county leader, for its officials")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        return app;
    }

    public static async Task<Results<Ok<CaseView[]>, ProblemHttpResult>> GetAsync(string scopeId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (!(await auth.AuthorizeAsync(user, new LevelOwner(scopeId), StaffOperations.WatchLevel)).Succeeded)
        {
            return Problems.OutsideScope(scopeId, $"The queue of {scopeId} is outside your scope.");
        }

        var ids = await cluster.GetGrain<ILevelQueueGrain>(scopeId).GetAsync();
        var snapshots = await Task.WhenAll(ids.Select(id => cluster.GetGrain<ICaseGrain>(id).GetAsync()));
        return TypedResults.Ok(snapshots.OfType<CaseSnapshot>().Where(s => s.LevelOwnerId == scopeId).Select(CaseView.From).ToArray());
    }
}
