namespace Gongzhi.Gateway.Apis;

/// <summary>The resident's routes, opened by the tracking token alone.</summary>
public static class TrackApi
{
    public static IEndpointRouteBuilder MapTrackApi(this IEndpointRouteBuilder app)
    {
        var track = app.MapGroup("/api/v1/track").WithTags("Residents").AllowAnonymous()
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.TrackingTokenUnknown);
        track.MapGet("/{trackingToken}", GetAsync).WithName("TrackCase").WithSummary("Follow a case by its tracking token: status, deadlines and timeline");
        track.MapPost("/{trackingToken}/rating", RateAsync).WithName("RateCase").WithSummary("The resident rates the resolution; unsatisfied reopens the case")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.WrongStatus, RefusalCodes.CaseNotFound);
        track.MapPost("/{trackingToken}/consent", (string trackingToken, TrackStepRequest? body, TrackingTokens tokens, IClusterClient cluster) =>
                StepAsync(trackingToken, CaseEventType.ConsentRecorded, body, tokens, cluster))
            .WithName("GiveConsent").WithSummary("代为办: the resident consents to the cadre acting for them").ResidentStep();
        track.MapPost("/{trackingToken}/led-through", (string trackingToken, TrackStepRequest? body, TrackingTokens tokens, IClusterClient cluster) =>
                StepAsync(trackingToken, CaseEventType.LedThroughConfirmed, body, tokens, cluster))
            .WithName("ConfirmLedThrough").WithSummary("领着办: the resident confirms they were led through").ResidentStep();
        track.MapPost("/{trackingToken}/receipt", (string trackingToken, TrackStepRequest? body, TrackingTokens tokens, IClusterClient cluster) =>
                StepAsync(trackingToken, CaseEventType.ReceiptConfirmed, body, tokens, cluster))
            .WithName("ConfirmReceipt").WithSummary("代为办: the resident confirms receipt of the result").ResidentStep();
        return app;
    }

    // The refusals of a resident's step of the handling mode.
    private static RouteHandlerBuilder ResidentStep(this RouteHandlerBuilder route) =>
        route.TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.StepForCadre)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CaseNotFound)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.StaleSeq, RefusalCodes.WrongStatus, RefusalCodes.CaseNotOpen,
                RefusalCodes.StepOfOtherMode, RefusalCodes.StepAlreadyDone, RefusalCodes.StepOutOfOrder);

    /// <summary>The case a token opens, following a merge to the primary case the resident now follows.</summary>
    private static async Task<(CaseSnapshot? Snapshot, string? MergedFrom)> FollowAsync(string caseId, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot?.MergedInto is { } primaryId && await cluster.GetGrain<ICaseGrain>(primaryId).GetAsync() is { } primary)
        {
            return (primary, caseId);
        }

        return (snapshot, null);
    }

    public static async Task<Results<Ok<TrackView>, ValidationProblem, ProblemHttpResult>> StepAsync(
        string trackingToken, CaseEventType step, TrackStepRequest? body, TrackingTokens tokens, IClusterClient cluster)
    {
        if (tokens.Open(trackingToken) is not { } caseId)
        {
            return Problems.UnknownTrackingToken();
        }

        if (new FieldChecks().Optional(body?.Comment, "comment", TextLimits.Comment).Problem is { } invalid)
        {
            return invalid;
        }

        // A token acts on its own case only: a merged follower reads the primary but takes no step on it.
        var result = await cluster.GetGrain<ICaseGrain>(caseId).StepAsync(CaseActor.Resident, new CaseStep(step, body?.Comment?.Trim()), body?.ExpectedSeq);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.Ok(TrackView.From(result.Case!)) : Problems.Refused(result);
    }

    public static async Task<Results<Ok<TrackView>, ProblemHttpResult>> GetAsync(string trackingToken, TrackingTokens tokens, IClusterClient cluster)
    {
        if (tokens.Open(trackingToken) is not { } caseId)
        {
            return Problems.UnknownTrackingToken();
        }

        var (snapshot, mergedFrom) = await FollowAsync(caseId, cluster);
        return TypedResults.Ok(snapshot is null ? TrackView.Pending(caseId) : TrackView.From(snapshot, mergedFrom));
    }

    public static async Task<Results<Ok<TrackView>, ValidationProblem, ProblemHttpResult>> RateAsync(
        string trackingToken, RatingRequest body, TrackingTokens tokens, IClusterClient cluster)
    {
        if (tokens.Open(trackingToken) is not { } caseId)
        {
            return Problems.UnknownTrackingToken();
        }

        SatisfactionRating? rating = body.Rating switch
        {
            "satisfied" => SatisfactionRating.Satisfied,
            "basically" => SatisfactionRating.Basically,
            "unsatisfied" => SatisfactionRating.Unsatisfied,
            _ => null,
        };
        var checks = new FieldChecks().Optional(body.Comment, "comment", TextLimits.Comment);
        if (rating is null)
        {
            checks.Fault("rating", "Must be one of: satisfied, basically, unsatisfied.");
        }

        if (checks.Problem is { } invalid)
        {
            return invalid;
        }

        // Only the resident whose case was resolved rates it: a merged follower's own case is closed, so its rating is refused.
        var result = await cluster.GetGrain<ICaseGrain>(caseId).RateAsync(rating!.Value, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim(), body.ExpectedSeq);
        return result.Outcome switch
        {
            CommandOutcome.Ok => TypedResults.Ok(TrackView.From(result.Case!)),
            _ => Problems.Conflict(result.Refusal!),
        };
    }
}
