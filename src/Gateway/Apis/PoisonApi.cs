using System.Security.Claims;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Intake;
using Gongzhi.Gateway.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>GET /api/v1/intake/poison</c> (dispatcher or admin) and <c>POST /api/v1/intake/poison/replay</c> (admin): the
/// intake messages the silos gave up on, and moving them back to the intake queue.
/// </summary>
public static class PoisonApi
{
    public static IEndpointRouteBuilder MapPoisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/intake/poison", GetAsync).WithName("GetIntakePoison").WithTags("Operations").RequireAuthorization(StaffRoles.StaffPolicy);
        app.MapPost("/api/v1/intake/poison/replay", ReplayAsync).WithName("ReplayIntakePoison").WithTags("Operations").RequireAuthorization(StaffRoles.StaffPolicy);
        return app;
    }

    /// <summary>
    /// The count is of the whole queue (the public <c>/healthz</c> shows it too); a dispatcher sees only entries naming a
    /// community in their scope, an admin every entry, unparseable ones included.
    /// </summary>
    public static async Task<Results<Ok<PoisonReport>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, PoisonQueue poison, CommunityInfoCache communities, CancellationToken cancellationToken)
    {
        if (user.Role() is not (StaffRoles.Dispatcher or StaffRoles.Admin))
        {
            return Problems.Forbidden(RefusalCodes.RoleRequired, "Only dispatchers and admins see the poison queue.", ("roles", "dispatcher,admin"));
        }

        var count = await poison.CountAsync(cancellationToken);
        var entries = await poison.PeekAsync(cancellationToken);
        if (user.Role() != StaffRoles.Admin)
        {
            var visible = new List<PoisonEntry>();
            foreach (var entry in entries)
            {
                if (await CoversAnyAsync(user, entry.CommunityIds, communities))
                {
                    visible.Add(entry);
                }
            }

            entries = visible;
        }

        return TypedResults.Ok(new PoisonReport(count, entries));
    }

    /// <summary>Admin only: every message goes back to the intake queue, and a silo's worker is woken.</summary>
    public static async Task<Results<Ok<PoisonReplayResult>, ProblemHttpResult>> ReplayAsync(
        ClaimsPrincipal user, PoisonQueue poison, CancellationToken cancellationToken)
    {
        if (user.Role() != StaffRoles.Admin)
        {
            return Problems.Forbidden(RefusalCodes.RoleRequired, "Only an admin may replay the poison queue.", ("roles", "admin"));
        }

        return TypedResults.Ok(new PoisonReplayResult(await poison.ReplayAsync(cancellationToken)));
    }

    // A community the gateway cannot describe now (unknown, or no silo answers) is not shown to a dispatcher.
    private static async Task<bool> CoversAnyAsync(ClaimsPrincipal user, IEnumerable<string> communityIds, CommunityInfoCache communities)
    {
        foreach (var id in communityIds)
        {
            try
            {
                if (await communities.GetAsync(id) is { } community && user.DispatchesFor(community))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // Shown again once the community can be described.
            }
        }

        return false;
    }
}
