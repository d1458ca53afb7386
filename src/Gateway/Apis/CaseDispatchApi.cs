namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Dispatchers' and officials' actions on a case: assign or reassign, change the handling mode, merge a
/// duplicate, escalate up the ladder and hand back down.
/// </summary>
public static class CaseDispatchApi
{
    public static IEndpointRouteBuilder MapCaseDispatchApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CaseNotFound);
        cases.MapPost("/{caseId}/assign", AssignAsync).WithName("AssignCase").WithSummary("A dispatcher gives the case to a cadre")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.DispatcherOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.CaseNotOpen, RefusalCodes.AlreadyAssigned, RefusalCodes.CadreNotInCommunity,
                RefusalCodes.CadreOffDuty, RefusalCodes.CadreFull, RefusalCodes.VolunteerCategory);
        cases.MapPost("/{caseId}/mode", ChangeModeAsync).WithName("ChangeCaseMode").WithSummary("A dispatcher changes how the case is handled")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.DispatcherOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.CaseNotOpen, RefusalCodes.SameMode);
        cases.MapPost("/{caseId}/merge", MergeAsync).WithName("MergeCase").WithSummary("A dispatcher merges a duplicate into its primary case")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.DispatcherOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.CaseNotOpen, RefusalCodes.MergeIntoSelf, RefusalCodes.PrimaryNotOpen);
        cases.MapPost("/{caseId}/escalate", EscalateAsync).WithName("EscalateCase").WithSummary("Send the case one level up the ladder")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.NotCaseHandler)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.CaseNotOpen, RefusalCodes.TopOfLadder);
        cases.MapPost("/{caseId}/take", TakeAsync).WithName("TakeCase").WithSummary("An official takes responsibility for the case at their level (接办)")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.LevelOfficialOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.CaseNotOpen, RefusalCodes.NotAboveCommunity, RefusalCodes.TakenByOther);
        cases.MapPost("/{caseId}/return", ReturnAsync).WithName("ReturnCase").WithSummary("An official hands the case one level down")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.LevelOfficialOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.CaseNotOpen, RefusalCodes.BottomOfLadder);
        return app;
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string caseId, AssignRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Required(body.CadreId, "cadreId", TextLimits.Code, "the cadre to give the case to").Problem is { } invalid)
        {
            return invalid;
        }

        var (grain, refusal) = await ForDispatcherAsync(caseId, user, auth, cluster);
        return refusal ?? CasesApi.Answer(await grain.AssignAsync(user.Actor(), body.CadreId!.Trim(), body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ChangeModeAsync(
        string caseId, ChangeModeRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        HandlingMode? mode = body.Mode switch
        {
            "doItNow" => HandlingMode.DoItNow,
            "leadThrough" => HandlingMode.LeadThrough,
            "doForYou" => HandlingMode.DoForYou,
            _ => null,
        };
        if (mode is null)
        {
            return Problems.Invalid("mode", "Must be one of: doItNow, leadThrough, doForYou.");
        }

        var (grain, refusal) = await ForDispatcherAsync(caseId, user, auth, cluster);
        return refusal ?? CasesApi.Answer(await grain.ChangeModeAsync(user.Actor(), mode.Value, body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        string caseId, MergeRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Required(body.IntoCaseId, "intoCaseId", TextLimits.Code, "the primary case to merge into").Problem is { } invalid)
        {
            return invalid;
        }

        var (grain, refusal) = await ForDispatcherAsync(caseId, user, auth, cluster);
        if (refusal is not null)
        {
            return refusal;
        }

        var primary = await cluster.GetGrain<ICaseGrain>(body.IntoCaseId!.Trim()).GetAsync();
        var mine = await grain.GetAsync();
        if (primary is null || primary.CommunityId != mine!.CommunityId)
        {
            return Problems.Invalid("intoCaseId", "No open case of that id in the same community.");
        }

        return CasesApi.Answer(await grain.MergeIntoAsync(user.Actor(), primary.CaseId, body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        string caseId, EscalateRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Required(body.Reason, "reason", TextLimits.Note, "say why it cannot be settled at this level").Problem is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        var allowed = (await auth.AuthorizeAsync(user, new CaseAccess(snapshot, community), StaffOperations.EscalateCase)).Succeeded;
        return allowed
            ? CasesApi.Answer(await grain.EscalateAsync(user.Actor(), body.Reason!.Trim(), body.ExpectedSeq))
            : Problems.Forbidden(RefusalCodes.NotCaseHandler, "Only the case's cadre, its community's dispatchers or an official of its level escalate it.");
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> TakeAsync(
        string caseId, TakeRequest? body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        return (await auth.AuthorizeAsync(user, new CaseAccess(snapshot, null), StaffOperations.TakeCase)).Succeeded
            ? CasesApi.Answer(await grain.TakeAsync(user.Actor(), body?.ExpectedSeq))
            : Problems.Forbidden(RefusalCodes.LevelOfficialOnly, "Only an official of the level the case is at takes it.", ("levelOwnerId", snapshot.LevelOwnerId));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        string caseId, ReturnRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Required(body.Instructions, "instructions", TextLimits.Note, "say what the level below should do").Problem is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        return (await auth.AuthorizeAsync(user, new CaseAccess(snapshot, null), StaffOperations.ReturnCase)).Succeeded
            ? CasesApi.Answer(await grain.ReturnAsync(user.Actor(), body.Instructions!.Trim(), body.ExpectedSeq))
            : Problems.Forbidden(RefusalCodes.LevelOfficialOnly, "Only an official of the level the case is at hands it back down.", ("levelOwnerId", snapshot.LevelOwnerId));
    }

    // Assigning, changing mode and merging belong to the dispatchers of the case's community.
    private static async Task<(ICaseGrain Grain, ProblemHttpResult? Refusal)> ForDispatcherAsync(
        string caseId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return (grain, Problems.CaseNotFound(caseId));
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        return (await auth.AuthorizeAsync(user, new CaseAccess(snapshot, community), StaffOperations.DispatchCase)).Succeeded
            ? (grain, null)
            : (grain, Problems.Forbidden(RefusalCodes.DispatcherOnly, "Only a dispatcher of the case's community does this.", ("communityId", snapshot.CommunityId)));
    }
}
