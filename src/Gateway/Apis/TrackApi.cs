using Gongzhi.Cases;
using Gongzhi.Gateway.Intake;
using Gongzhi.Gateway.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary>The resident's routes, opened by the tracking token alone.</summary>
public static class TrackApi
{
    public static IEndpointRouteBuilder MapTrackApi(this IEndpointRouteBuilder app)
    {
        var track = app.MapGroup("/api/v1/track").WithTags("Residents").AllowAnonymous();
        track.MapGet("/{trackingToken}", GetAsync).WithName("TrackCase");
        track.MapPost("/{trackingToken}/rating", RateAsync).WithName("RateCase");
        return app;
    }

    public static async Task<Results<Ok<TrackView>, ProblemHttpResult>> GetAsync(string trackingToken, TrackingTokens tokens, IClusterClient cluster)
    {
        if (tokens.Open(trackingToken) is not { } caseId)
        {
            return Problems.NotFound("Unknown tracking token");
        }

        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        return TypedResults.Ok(snapshot is null ? TrackView.Pending(caseId) : TrackView.From(snapshot));
    }

    public static async Task<Results<Ok<TrackView>, ValidationProblem, ProblemHttpResult>> RateAsync(
        string trackingToken, RatingRequest body, TrackingTokens tokens, IClusterClient cluster)
    {
        if (tokens.Open(trackingToken) is not { } caseId)
        {
            return Problems.NotFound("Unknown tracking token");
        }

        SatisfactionRating? rating = body.Rating switch
        {
            "satisfied" => SatisfactionRating.Satisfied,
            "basically" => SatisfactionRating.Basically,
            "unsatisfied" => SatisfactionRating.Unsatisfied,
            _ => null,
        };
        if (rating is null)
        {
            return Problems.Invalid("rating", "Must be one of: satisfied, basically, unsatisfied.");
        }

        if (body.Comment is { Length: > 1000 })
        {
            return Problems.Invalid("comment", "At most 1000 characters.");
        }

        var result = await cluster.GetGrain<ICaseGrain>(caseId).RateAsync(rating.Value, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim());
        return result.Outcome switch
        {
            CommandOutcome.Ok => TypedResults.Ok(TrackView.From(result.Case!)),
            CommandOutcome.NotFound => Problems.Conflict(result.Reason ?? "The case has not been taken in yet."),
            _ => Problems.Conflict(result.Reason ?? "The case cannot be rated now."),
        };
    }
}
