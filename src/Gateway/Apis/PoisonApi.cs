namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>GET /api/v1/intake/poison</c> (dispatcher or admin) and <c>POST /api/v1/intake/poison/replay</c> (admin): the
/// intake messages the silos gave up on, and moving them back to the intake queue.
/// </summary>
public static class PoisonApi
{
    public static IEndpointRouteBuilder MapPoisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/intake/poison", GetAsync).WithName("GetIntakePoison").WithTags("Operations").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The intake messages the silos gave up on, for dispatchers and admins").Refuses(StatusCodes.Status403Forbidden, RefusalCodes.RoleRequired);
        app.MapPost("/api/v1/intake/poison/replay", ReplayAsync).WithName("ReplayIntakePoison").WithTags("Operations").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("Admin: move every poison message back to the intake queue").Refuses(StatusCodes.Status403Forbidden, RefusalCodes.RoleRequired);
        return app;
    }

    /// <summary>
    /// The count is of the whole queue (the public <c>/healthz</c> shows it too); a dispatcher sees only entries naming a
    /// community in their scope, an admin every entry, unparseable ones included.
    /// </summary>
    public static async Task<Results<Ok<PoisonReport>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, IAuthorizationService auth, PoisonQueue poison, CommunityInfoCache communities, CancellationToken cancellationToken)
    {
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.PoisonReaderPolicy)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.RoleRequired, "Only dispatchers and admins see the poison queue.", ("roles", "dispatcher,admin"));
        }

        var count = await poison.CountAsync(cancellationToken);
        var entries = await poison.PeekAsync(cancellationToken);
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.AdminPolicy)).Succeeded)
        {
            var visible = new List<PoisonEntry>();
            foreach (var entry in entries)
            {
                if (await CoversAnyAsync(user, auth, entry.CommunityIds, communities))
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
        ClaimsPrincipal user, IAuthorizationService auth, PoisonQueue poison, CancellationToken cancellationToken)
    {
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.AdminPolicy)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.RoleRequired, "Only an admin may replay the poison queue.", ("roles", "admin"));
        }

        return TypedResults.Ok(new PoisonReplayResult(await poison.ReplayAsync(cancellationToken)));
    }

    // A community the gateway cannot describe now (unknown, or no silo answers) is not shown to a dispatcher.
    private static async Task<bool> CoversAnyAsync(
        ClaimsPrincipal user, IAuthorizationService auth, IEnumerable<string> communityIds, CommunityInfoCache communities)
    {
        foreach (var id in communityIds)
        {
            try
            {
                if (await communities.GetAsync(id) is { } community
                    && (await auth.AuthorizeAsync(user, community.Place(), StaffOperations.DispatchCommunity)).Succeeded)
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
