using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Views;
using Gongzhi.Ladder;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary><c>GET /api/v1/queues/{scopeId}/cases</c>: the cases escalated to a sub-district, department or county leader.</summary>
public static class QueuesApi
{
    public static IEndpointRouteBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/queues/{scopeId}/cases", GetAsync).WithName("GetLevelQueue").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy);
        return app;
    }

    public static async Task<Results<Ok<CaseView[]>, ProblemHttpResult>> GetAsync(string scopeId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!MayWatch(user, scopeId))
        {
            return Problems.OutsideScope(scopeId, $"The queue of {scopeId} is outside your scope.");
        }

        var ids = await cluster.GetGrain<ILevelQueueGrain>(scopeId).GetAsync();
        var snapshots = await Task.WhenAll(ids.Select(id => cluster.GetGrain<ICaseGrain>(id).GetAsync()));
        return TypedResults.Ok(snapshots.OfType<CaseSnapshot>().Where(s => s.LevelOwnerId == scopeId).Select(CaseView.From).ToArray());
    }

    /// <summary>An official whose scope is the queue's owner, or an admin.</summary>
    public static bool MayWatch(ClaimsPrincipal user, string scopeId) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() is StaffRoles.Dispatcher or StaffRoles.Department or StaffRoles.Leader && user.Scope() == scopeId);
}
