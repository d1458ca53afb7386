using Gongzhi.VideoPetitions;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// 视频信访: the resident (by tracking token) or the case's cadre asks for a video meeting with an official
/// of the case's level; an official of that level schedules it and records the outcome. Each step reaches
/// everyone following the case through the case's own push.
/// </summary>
public static class VideoPetitionsApi
{
    public static IEndpointRouteBuilder MapVideoPetitionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{caseId}/video-petitions", RequestAsync).WithName("RequestVideoPetition").WithTags("Video petitions").AllowAnonymousOrStaff()
            .WithSummary("The resident (tracking token) or the case's cadre asks for a video meeting with an official")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.Unauthenticated)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.TokenMismatch, RefusalCodes.NotCaseHandler)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CaseNotFound).Refuses(StatusCodes.Status409Conflict, RefusalCodes.CaseNotOpen, RefusalCodes.PetitionOpen);
        var petitions = app.MapGroup("/api/v1/video-petitions").WithTags("Video petitions");
        petitions.MapGet("/", ListAsync).WithName("ListVideoPetitions").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The open video petitions addressed to a level, oldest first")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        var petition = petitions.MapGroup("/{petitionId}").Refuses(StatusCodes.Status404NotFound, RefusalCodes.PetitionNotFound);
        petition.MapGet("", GetAsync).WithName("GetVideoPetition").AllowAnonymousOrStaff().WithSummary("A video petition, for its parties")
            .Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.Unauthenticated).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.NotAParty);
        petition.MapPost("/accept", AcceptAsync).WithName("AcceptVideoPetition").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("An official of the petition's level schedules the meeting")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.LevelOfficialOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.PetitionWrongStatus);
        petition.MapPost("/outcome", RecordOutcomeAsync).WithName("RecordVideoPetitionOutcome").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("The official who held the meeting records its outcome")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.LevelOfficialOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.PetitionWrongStatus);
        petition.MapPost("/cancel", CancelAsync).WithName("CancelVideoPetition").AllowAnonymousOrStaff()
            .WithSummary("The resident, the requester or an official of its level calls the meeting off")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.Unauthenticated)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.TokenMismatch, RefusalCodes.NotAParty).Refuses(StatusCodes.Status409Conflict, RefusalCodes.PetitionNotOpen);
        return app;
    }

    public static async Task<Results<Created<VideoPetitionView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string caseId, VideoPetitionRequestBody body, ClaimsPrincipal user, IAuthorizationService auth, TrackingTokens tokens, IClusterClient cluster)
    {
        var checks = new FieldChecks().Optional(body.Note, "note", TextLimits.Note).Optional(body.TrackingToken, "trackingToken", TextLimits.Token)
            .Each(body.Slots, "slots", TextLimits.Code);
        if (checks.Problem is { } tooLong)
        {
            return tooLong;
        }

        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < (body.Slots?.Length ?? 0); i++)
        {
            if (IsoTimes.TryParse(body.Slots![i], out var slot))
            {
                slots.Add(slot);
            }
            else
            {
                checks.Fault($"slots[{i}]", IsoTimes.Hint);
            }
        }

        if (checks.Problem is { } invalid)
        {
            return invalid;
        }

        if (body.TrackingToken is null && user.Role() is null)
        {
            return NeedsIdentity();
        }

        if (body.TrackingToken is not null && tokens.Open(body.TrackingToken) != caseId)
        {
            return Problems.Forbidden(RefusalCodes.TokenMismatch, "The tracking token does not open this case.");
        }

        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId, $"No case '{caseId}' has been taken in yet.");
        }

        CaseActor requester;
        if (body.TrackingToken is not null)
        {
            requester = CaseActor.Resident;
        }
        else if ((await auth.AuthorizeAsync(user, new CaseAccess(snapshot, null), StaffOperations.AskForVideoPetition)).Succeeded)
        {
            requester = CaseActor.Cadre(snapshot.AssigneeId!, snapshot.AssigneeName);
        }
        else
        {
            return Problems.Forbidden(RefusalCodes.NotCaseHandler, "Only the resident (with the tracking token) or the case's assigned cadre asks for a video petition.");
        }

        var petitionId = CaseIds.New();
        var result = await cluster.GetGrain<IVideoPetitionGrain>(petitionId).RequestAsync(new VideoPetitionRequest(caseId, requester, body.Note ?? "", slots));
        if (result.Outcome == CommandOutcome.Ok && result.Petition is { } petition)
        {
            var view = requester == CaseActor.Resident ? VideoPetitionView.ForResident(petition) : VideoPetitionView.From(petition);
            return TypedResults.Created($"/api/v1/video-petitions/{petitionId}", view);
        }

        return result.IsInvalid ? Problems.Invalid(result.Errors.ToDictionary()) : Refused(result);
    }

    /// <summary>The open (requested or scheduled) petitions addressed to a level, oldest first.</summary>
    public static async Task<Results<Ok<VideoPetitionView[]>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? scope, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return Problems.Invalid("scope", "Required: the community, sub-district, department or county id whose petitions to list.");
        }

        if (!(await auth.AuthorizeAsync(user, new LevelOwner(scope), StaffOperations.WatchLevel)).Succeeded)
        {
            return Problems.OutsideScope(scope, $"The video petitions of {scope} are for its officials.");
        }

        var ids = await cluster.GetGrain<IVideoPetitionIndexGrain>(scope).GetAsync();
        var petitions = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IVideoPetitionGrain>(id).GetAsync()));
        return TypedResults.Ok(petitions
            .OfType<VideoPetitionSnapshot>()
            .Where(p => p.LevelOwnerId == scope && p.Status is VideoPetitionStatus.Requested or VideoPetitionStatus.Scheduled)
            .OrderBy(p => p.RequestedAt)
            .Select(VideoPetitionView.From)
            .ToArray());
    }

    public static async Task<Results<Ok<VideoPetitionView>, ProblemHttpResult>> GetAsync(
        string petitionId, string? trackingToken, ClaimsPrincipal user, IAuthorizationService auth, TrackingTokens tokens, IClusterClient cluster)
    {
        var petition = await cluster.GetGrain<IVideoPetitionGrain>(petitionId).GetAsync();
        if (petition is null)
        {
            return Problems.PetitionNotFound(petitionId);
        }

        if (trackingToken is null && user.Role() is null)
        {
            return NeedsIdentity();
        }

        if (trackingToken is not null)
        {
            return tokens.Open(trackingToken) == petition.CaseId
                ? TypedResults.Ok(VideoPetitionView.ForResident(petition))
                : Problems.Forbidden(RefusalCodes.NotAParty, "Only the petition's parties see it.");
        }

        return await IsStaffPartyAsync(user, auth, petition, cluster)
            ? TypedResults.Ok(VideoPetitionView.From(petition))
            : Problems.Forbidden(RefusalCodes.NotAParty, "Only the petition's parties see it.");
    }

    public static async Task<Results<Ok<VideoPetitionView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        string petitionId, AcceptVideoPetitionRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Optional(body.Slot, "slot", TextLimits.Code).Problem is { } tooLong)
        {
            return tooLong;
        }

        if (!IsoTimes.TryParse(body.Slot, out var slot))
        {
            return Problems.Invalid("slot", $"Required: the meeting time. {IsoTimes.Hint}");
        }

        var grain = cluster.GetGrain<IVideoPetitionGrain>(petitionId);
        var petition = await grain.GetAsync();
        if (petition is null)
        {
            return Problems.PetitionNotFound(petitionId);
        }

        return (await auth.AuthorizeAsync(user, new VideoPetitionAccess(petition), StaffOperations.AcceptVideoPetition)).Succeeded
            ? Answer(await grain.AcceptAsync(user.Actor(), slot))
            : Problems.Forbidden(RefusalCodes.LevelOfficialOnly, $"Only an official of {petition.LevelOwnerId}, the level the case was at when the petition was asked for, takes it.",
                ("levelOwnerId", petition.LevelOwnerId));
    }

    public static async Task<Results<Ok<VideoPetitionView>, ValidationProblem, ProblemHttpResult>> RecordOutcomeAsync(
        string petitionId, VideoPetitionOutcomeRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Optional(body.Outcome, "outcome", TextLimits.Note).Problem is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<IVideoPetitionGrain>(petitionId);
        var petition = await grain.GetAsync();
        if (petition is null)
        {
            return Problems.PetitionNotFound(petitionId);
        }

        return (await auth.AuthorizeAsync(user, new VideoPetitionAccess(petition), StaffOperations.RecordVideoPetitionOutcome)).Succeeded
            ? Answer(await grain.RecordOutcomeAsync(user.Actor(), body.Outcome ?? ""))
            : Problems.Forbidden(RefusalCodes.LevelOfficialOnly, "Only the official who took the meeting records its outcome.", ("levelOwnerId", petition.LevelOwnerId));
    }

    public static async Task<Results<Ok<VideoPetitionView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string petitionId, CancelVideoPetitionRequest? body, ClaimsPrincipal user, IAuthorizationService auth, TrackingTokens tokens, IClusterClient cluster)
    {
        if (new FieldChecks().Optional(body?.Reason, "reason", TextLimits.Note).Optional(body?.TrackingToken, "trackingToken", TextLimits.Token).Problem is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<IVideoPetitionGrain>(petitionId);
        var petition = await grain.GetAsync();
        if (petition is null)
        {
            return Problems.PetitionNotFound(petitionId);
        }

        if (body?.TrackingToken is { } token)
        {
            return tokens.Open(token) == petition.CaseId
                ? Answer(await grain.CancelAsync(CaseActor.Resident, body.Reason), VideoPetitionView.ForResident)
                : Problems.Forbidden(RefusalCodes.TokenMismatch, "The tracking token does not open the petition's case.");
        }

        if (user.Role() is null)
        {
            return NeedsIdentity();
        }

        return (await auth.AuthorizeAsync(user, new VideoPetitionAccess(petition), StaffOperations.CancelVideoPetition)).Succeeded
            ? Answer(await grain.CancelAsync(user.Actor(), body?.Reason))
            : Problems.Forbidden(RefusalCodes.NotAParty, "Only whoever asked for the petition, or an official of its level, calls it off.");
    }

    // Whoever asked, an official of the petition's level, or staff who may see the case.
    private static async Task<bool> IsStaffPartyAsync(ClaimsPrincipal user, IAuthorizationService auth, VideoPetitionSnapshot petition, IClusterClient cluster)
    {
        if ((await auth.AuthorizeAsync(user, new VideoPetitionAccess(petition), StaffOperations.SeeVideoPetition)).Succeeded)
        {
            return true;
        }

        var snapshot = await cluster.GetGrain<ICaseGrain>(petition.CaseId).GetAsync();
        var community = await cluster.GetGrain<ICommunityGrain>(petition.CommunityId).GetInfoAsync();
        return snapshot is not null
            && (await auth.AuthorizeAsync(user, new VideoPetitionAccess(petition, snapshot, community), StaffOperations.SeeVideoPetition)).Succeeded;
    }

    private static ProblemHttpResult NeedsIdentity() =>
        Problems.Unauthorized(Refusal.Of(RefusalCodes.Unauthenticated, "Send the case's trackingToken, or a staff bearer token."));

    private static Results<Ok<VideoPetitionView>, ValidationProblem, ProblemHttpResult> Answer(
        VideoPetitionResult result, Func<VideoPetitionSnapshot, VideoPetitionView>? view = null)
    {
        if (result.Outcome == CommandOutcome.Ok && result.Petition is { } petition)
        {
            return TypedResults.Ok((view ?? VideoPetitionView.From)(petition));
        }

        return result.IsInvalid ? Problems.Invalid(result.Errors.ToDictionary()) : Refused(result);
    }

    private static ProblemHttpResult Refused(VideoPetitionResult result) => Problems.Refused(result.Outcome, result.Refusal!, "Not found", "Not possible now");
}
