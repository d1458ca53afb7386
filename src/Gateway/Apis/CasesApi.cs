namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Staff routes on one case. The assigned cadre acknowledges or declines, takes the mode's steps and
/// resolves; an official of the case's level may resolve it too. Each refused action changes nothing.
/// </summary>
public static class CasesApi
{
    private static readonly (string Route, CaseEventType Step, string Field, string Summary)[] CadreSteps =
    [
        ("start", CaseEventType.WorkStarted, "", "马上办: the assigned cadre starts the work"),
        ("consent", CaseEventType.ConsentRecorded, "note", "代为办: the assigned cadre records the resident's consent, given in person"),
        ("documents", CaseEventType.DocumentsHandedOver, "note", "代为办: the assigned cadre records the documents handed over"),
        ("result", CaseEventType.ResultHandedOver, "note", "代为办: the assigned cadre records the result handed over"),
    ];

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CaseNotFound);
        cases.MapGet("/{caseId}", GetAsync).WithName("GetCase").WithSummary("Read a case in full, contact included")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        cases.MapPost("/{caseId}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeCase").WithSummary("The assigned cadre takes the case")
            .TakesJson().Refuses(StatusCodes.Status403Forbidden, RefusalCodes.CadreOnly, RefusalCodes.OtherCadre)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.WrongStatus, RefusalCodes.CaseNotOpen);
        cases.MapPost("/{caseId}/decline", DeclineAsync).WithName("DeclineCase").WithSummary("The assigned cadre gives the case back, saying why")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.CadreOnly, RefusalCodes.OtherCadre)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.WrongStatus, RefusalCodes.CaseNotOpen);
        cases.MapPost("/{caseId}/resolve", ResolveAsync).WithName("ResolveCase").WithSummary("Record what was done and resolve the case")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OtherCadre, RefusalCodes.LevelOfficialOnly)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.WrongStatus, RefusalCodes.StepsBeforeResolve, RefusalCodes.CaseNotOpen);
        cases.MapPost("/{caseId}/accompaniment", ArrangeAccompanimentAsync).WithName("ArrangeAccompaniment")
            .WithSummary("领着办: the assigned cadre arranges to accompany the resident").ModeStep();
        foreach (var (route, step, field, summary) in CadreSteps)
        {
            cases.MapPost($"/{{caseId}}/{route}", (string caseId, ModeStepRequest? body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster) =>
                    StepAsync(caseId, step, field, body?.Note, body?.ExpectedSeq, user, auth, cluster))
                .WithName($"Step{step}").WithSummary(summary).ModeStep();
        }

        return app;
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        return (await auth.AuthorizeAsync(user, new CaseAccess(snapshot, community), StaffOperations.SeeCase)).Succeeded
            ? TypedResults.Ok(CaseView.From(snapshot))
            : Problems.OutsideScope(snapshot.CommunityId, "The case is outside your scope.");
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string caseId, AcknowledgeRequest? body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.CadrePolicy)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.CadreOnly, "Only the assigned cadre acknowledges a case.");
        }

        return Answer(await cluster.GetGrain<ICaseGrain>(caseId).AcknowledgeAsync(user.Subject()!, body?.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        string caseId, DeclineRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.CadrePolicy)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.CadreOnly, "Only the assigned cadre declines a case.");
        }

        if (new FieldChecks().Required(body.Reason, "reason", TextLimits.Note, "say why, for the dispatcher").Problem is { } invalid)
        {
            return invalid;
        }

        return Answer(await cluster.GetGrain<ICaseGrain>(caseId).DeclineAsync(user.Subject()!, body.Reason!.Trim(), body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        string caseId, ResolveRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var checks = new FieldChecks().Required(body.Note, "note", TextLimits.Note, "say what was done").Optional(body.PhotoUrl, "photoUrl", TextLimits.Url);
        if (body.PhotoUrl is { Length: <= TextLimits.Url } photo && !Uri.TryCreate(photo, UriKind.Absolute, out _) && !photo.StartsWith('/'))
        {
            checks.Fault("photoUrl", "Must be a URL.");
        }

        var photos = ResolutionPhotos(caseId, body, checks);
        if (checks.Problem is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.CadrePolicy)).Succeeded)
        {
            // An official resolves only a case at their own level.
            var snapshot = await grain.GetAsync();
            if (snapshot is null)
            {
                return Problems.CaseNotFound(caseId);
            }

            if (!(await auth.AuthorizeAsync(user, new CaseAccess(snapshot, null), StaffOperations.ResolveCase)).Succeeded)
            {
                return Problems.Forbidden(RefusalCodes.LevelOfficialOnly, "At the community level the assigned cadre resolves a case; above it, an official of that level.",
                    ("levelOwnerId", snapshot.LevelOwnerId));
            }
        }

        return Answer(await grain.ResolveAsync(user.Actor(), body.Note!.Trim(), photos, body.ExpectedSeq));
    }

    // The photos of the work done: the ones uploaded for this case (photos), after the one URL a client of before issue 14 sends (photoUrl).
    private static List<string> ResolutionPhotos(string caseId, ResolveRequest body, FieldChecks checks)
    {
        List<string> photos = body.PhotoUrl is { Length: > 0 } url ? [url] : [];
        if (body.Photos is { } uploaded)
        {
            if (uploaded.Any(p => p is null || !PhotoPaths.IsOfCase(caseId, p)))
            {
                checks.Fault("photos", $"Each photo is a URL that POST /api/v1/cases/{caseId}/photos answered.");
            }

            photos.AddRange(uploaded.OfType<string>());
        }

        if (photos.Count > PhotoPaths.MaxPerEvent)
        {
            checks.Fault("photos", $"At most {PhotoPaths.MaxPerEvent} photos; this has {photos.Count}.");
        }

        return photos;
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ArrangeAccompanimentAsync(
        string caseId, AccompanimentRequest body, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        var checks = new FieldChecks().Required(body.Where, "where", TextLimits.Short, "where they will meet")
            .Required(body.Office, "office", TextLimits.Short, "which office or procedure");
        if (body.When is null)
        {
            checks.Fault("when", "Required: when the cadre will meet the resident (ISO 8601).");
        }

        if (checks.Problem is { } invalid)
        {
            return invalid;
        }

        var when = body.When!.Value.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
        var note = $"{when} · {body.Where!.Trim()} · {body.Office!.Trim()}";
        return await StepAsync(caseId, CaseEventType.AccompanimentArranged, "", note, body.ExpectedSeq, user, auth, cluster);
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> StepAsync(
        string caseId, CaseEventType step, string requiredField, string? note, int? expectedSeq, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (!(await auth.AuthorizeAsync(user, StaffAuthorization.CadrePolicy)).Succeeded)
        {
            return Problems.Forbidden(RefusalCodes.StepForCadre, "Only the assigned cadre takes this step.", ("step", Refusal.Name(step)));
        }

        var checks = requiredField.Length > 0
            ? new FieldChecks().Required(note, requiredField, TextLimits.Note, "say what was handed over or agreed")
            : new FieldChecks().Optional(note, "note", TextLimits.Note);
        if (checks.Problem is { } invalid)
        {
            return invalid;
        }

        return Answer(await cluster.GetGrain<ICaseGrain>(caseId).StepAsync(user.Actor(), new CaseStep(step, note?.Trim()), expectedSeq));
    }

    // The refusals of a step of the handling mode.
    private static RouteHandlerBuilder ModeStep(this RouteHandlerBuilder route) =>
        route.TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.StepForCadre, RefusalCodes.StepForResident, RefusalCodes.OtherCadre)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.WrongStatus, RefusalCodes.CaseNotOpen,
                RefusalCodes.StepOfOtherMode, RefusalCodes.StepAlreadyDone, RefusalCodes.StepOutOfOrder, RefusalCodes.StepNeedsNote);

    internal static Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult> Answer(CaseCommandResult result) =>
        result.Outcome == CommandOutcome.Ok ? TypedResults.Ok(CaseView.From(result.Case!)) : Problems.Refused(result);
}
