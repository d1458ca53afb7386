using Gongzhi.Cadres;

namespace Gongzhi.Gateway.Apis;

/// <summary>A cadre's own page and duty switch; their dispatchers may use both too.</summary>
public static class CadresApi
{
    public static IEndpointRouteBuilder MapCadresApi(this IEndpointRouteBuilder app)
    {
        var cadres = app.MapGroup("/api/v1/cadres").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.DispatcherOnly).Refuses(StatusCodes.Status404NotFound, RefusalCodes.CadreNotFound);
        cadres.MapGet("/{cadreId}", GetAsync).WithName("GetCadre").WithSummary("A cadre's page: duty, load and assigned cases");
        cadres.MapPost("/{cadreId}/duty", SetDutyAsync).WithName("SetDuty").WithSummary("Put a cadre on or off duty")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields);
        return app;
    }

    public static async Task<Results<Ok<CadrePage>, ProblemHttpResult>> GetAsync(string cadreId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var (view, refusal) = await FindAsync(cadreId, user, auth, cluster);
        if (view is null)
        {
            return refusal!;
        }

        var snapshots = await Task.WhenAll(view.Assignments.Select(id => cluster.GetGrain<ICaseGrain>(id).GetAsync()));
        var cases = snapshots.OfType<CaseSnapshot>().Select(CaseView.From).ToArray();
        return TypedResults.Ok(new CadrePage(view.Id, view.Name, view.CommunityId, view.Categories, view.OnDuty, cases.Length, cases));
    }

    public static async Task<Results<Ok<RosterEntry>, ValidationProblem, ProblemHttpResult>> SetDutyAsync(
        string cadreId, DutyRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (body.OnDuty is not { } onDuty)
        {
            return Problems.Invalid("onDuty", "Required: true or false.");
        }

        var (view, refusal) = await FindAsync(cadreId, user, auth, cluster);
        if (view is null)
        {
            return refusal!;
        }

        var entry = await cluster.GetGrain<ICommunityGrain>(view.CommunityId).SetDutyAsync(cadreId, onDuty);
        return entry is null ? CadreNotFound(cadreId) : TypedResults.Ok(entry);
    }

    private static async Task<(CadreView? View, ProblemHttpResult? Refusal)> FindAsync(
        string cadreId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var communityId = await cluster.GetGrain<ICadreGrain>(cadreId).GetCommunityIdAsync();
        var view = communityId is null ? null : await cluster.GetGrain<ICommunityGrain>(communityId).GetCadreAsync(cadreId);
        if (view is null)
        {
            return (null, CadreNotFound(cadreId));
        }

        var community = await cluster.GetGrain<ICommunityGrain>(view.CommunityId).GetInfoAsync();
        return (await auth.AuthorizeAsync(user, new CadreAccess(cadreId, community), StaffOperations.ManageCadre)).Succeeded
            ? (view, null)
            : (null, Problems.Forbidden(RefusalCodes.DispatcherOnly, "Only the cadre themself or a dispatcher of their community may do this.", ("communityId", view.CommunityId)));
    }

    private static ProblemHttpResult CadreNotFound(string cadreId) =>
        Problems.NotFound("Unknown cadre", Refusal.Of(RefusalCodes.CadreNotFound, $"There is no cadre '{cadreId}'.", ("cadreId", cadreId)));
}
