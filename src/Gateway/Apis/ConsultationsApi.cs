using Gongzhi.Consultations;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// 7+X 民主协商议事会: a dispatcher convenes the community's 7 standing parties and the X stakeholders on
/// open cases of the community, then records the minutes, whose resolution resolves the linked cases.
/// </summary>
public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var consultations = app.MapGroup("/api/v1/consultations").WithTags("Consultations").RequireAuthorization(StaffRoles.StaffPolicy);
        consultations.MapPost("/", ConveneAsync).WithName("ConveneConsultation").WithSummary("A dispatcher convenes a 7+X consultation on open cases")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.DispatcherOnly);
        consultations.MapGet("/", ListAsync).WithName("ListConsultations")
            .WithSummary("The 7+X consultations of a community, sub-district or county, by meeting time, for its dispatchers and officials")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        consultations.MapGet("/{consultationId}", GetAsync).WithName("GetConsultation").WithSummary("A consultation, for its parties and the community's staff")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.NotAParty).Refuses(StatusCodes.Status404NotFound, RefusalCodes.ConsultationNotFound);
        consultations.MapPost("/{consultationId}/minutes", RecordMinutesAsync).WithName("RecordConsultationMinutes")
            .WithSummary("A dispatcher records the minutes; the resolution resolves the linked cases")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.DispatcherOnly)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.ConsultationNotFound).Refuses(StatusCodes.Status409Conflict, RefusalCodes.ConsultationConcluded);
        return app;
    }

    public static async Task<Results<Created<ConsultationView>, ValidationProblem, ProblemHttpResult>> ConveneAsync(
        ConveneRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var checks = new FieldChecks().Required(body.CommunityId, "communityId", TextLimits.Code, "the community whose cases the meeting settles")
            .Each(body.CaseIds, "caseIds", TextLimits.Code).Optional(body.Topic, "topic", TextLimits.Short)
            .Optional(body.Time, "time", TextLimits.Code).Optional(body.Place, "place", TextLimits.Short);
        if (body.Invited is { Length: > TextLimits.Items } crowd)
        {
            checks.Fault("invited", $"At most {TextLimits.Items} invited parties; this has {crowd.Length}.");
        }

        for (var i = 0; i < Math.Min(body.Invited?.Length ?? 0, TextLimits.Items); i++)
        {
            var party = body.Invited![i];
            checks.Optional(party?.Name, $"invited[{i}].name", TextLimits.Name).Optional(party?.Role, $"invited[{i}].role", TextLimits.Short)
                .Optional(party?.AccountId, $"invited[{i}].accountId", TextLimits.Code);
        }

        if (checks.Problem is { } invalid)
        {
            return invalid;
        }

        var community = await cluster.GetGrain<ICommunityGrain>(body.CommunityId!.Trim()).GetInfoAsync();
        if (community is null)
        {
            return Problems.Invalid("communityId", "No such community.");
        }

        if (!(await auth.AuthorizeAsync(user, community.Place(), StaffOperations.DispatchCommunity)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.DispatcherOnly, "Only a dispatcher of the community convenes its 7+X consultation.", ("communityId", community.Id));
        }

        DateTimeOffset? time = null;
        if (body.Time is not null)
        {
            if (!IsoTimes.TryParse(body.Time, out var parsed))
            {
                return Problems.Invalid("time", IsoTimes.Hint);
            }

            time = parsed;
        }

        var invited = (body.Invited ?? []).Select(p => new InvitedParty(p?.Name ?? "", p?.Role ?? "", p?.AccountId)).ToArray();
        var request = new ConsultationRequest(community.Id, body.CaseIds ?? [], body.Topic ?? "", time, body.Place ?? "", invited);
        var consultationId = CaseIds.New();
        var result = await cluster.GetGrain<IConsultationGrain>(consultationId).ConveneAsync(request, user.Actor());
        if (result.Outcome == CommandOutcome.Ok && result.Consultation is { } consultation)
        {
            return TypedResults.Created($"/api/v1/consultations/{consultationId}", ConsultationView.From(consultation));
        }

        return result.IsInvalid ? Problems.Invalid(result.Errors.ToDictionary()) : Refused(result);
    }

    /// <summary>
    /// A level's meetings, upcoming and past: a community's for its dispatchers (and those of its sub-district and county),
    /// a sub-district's or county's for its officials. Read from the level's list; nothing is activated per meeting.
    /// </summary>
    public static async Task<Results<Ok<ConsultationSummary[]>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? scope, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Required(scope, "scope", TextLimits.Code, "the community, sub-district or county whose meetings to list").Problem is { } invalid)
        {
            return invalid;
        }

        var id = scope!.Trim();
        var community = await cluster.GetGrain<ICommunityGrain>(id).GetInfoAsync();
        var allowed = community is not null
            ? (await auth.AuthorizeAsync(user, community.Place(), StaffOperations.DispatchCommunity)).Succeeded
            : (await auth.AuthorizeAsync(user, new LevelOwner(id), StaffOperations.WatchLevel)).Succeeded;
        if (!allowed)
        {
            return Problems.OutsideScope(id, $"The meetings of {id} are for its dispatchers and officials.");
        }

        return TypedResults.Ok((await cluster.GetGrain<IConsultationIndexGrain>(id).GetAsync()).ToArray());
    }

    public static async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> GetAsync(
        string consultationId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var consultation = await cluster.GetGrain<IConsultationGrain>(consultationId).GetAsync();
        if (consultation is null)
        {
            return Problems.ConsultationNotFound(consultationId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(consultation.CommunityId).GetInfoAsync();
        return (await auth.AuthorizeAsync(user, new ConsultationAccess(consultation, community), StaffOperations.SeeConsultation)).Succeeded
            ? TypedResults.Ok(ConsultationView.From(consultation))
            : Problems.Forbidden(RefusalCodes.NotAParty, "Only staff of the community and the consultation's parties see it.");
    }

    public static async Task<Results<Ok<ConsultationView>, ValidationProblem, ProblemHttpResult>> RecordMinutesAsync(
        string consultationId, MinutesRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (new FieldChecks().Optional(body.Minutes, "minutes", TextLimits.Minutes).Optional(body.Resolution, "resolution", TextLimits.Note).Problem is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<IConsultationGrain>(consultationId);
        var consultation = await grain.GetAsync();
        if (consultation is null)
        {
            return Problems.ConsultationNotFound(consultationId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(consultation.CommunityId).GetInfoAsync();
        if (!(await auth.AuthorizeAsync(user, new ConsultationAccess(consultation, community), StaffOperations.RecordMinutes)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.DispatcherOnly, "Only a dispatcher of the community records the minutes.", ("communityId", consultation.CommunityId));
        }

        var result = await grain.RecordMinutesAsync(body.Minutes ?? "", body.Resolution ?? "", user.Actor());
        if (result.Outcome == CommandOutcome.Ok && result.Consultation is { } concluded)
        {
            return TypedResults.Ok(ConsultationView.From(concluded));
        }

        return result.IsInvalid ? Problems.Invalid(result.Errors.ToDictionary()) : Refused(result);
    }

    private static ProblemHttpResult Refused(ConsultationResult result) => Problems.Refused(result.Outcome, result.Refusal!, "No such consultation", "Not possible now");
}
