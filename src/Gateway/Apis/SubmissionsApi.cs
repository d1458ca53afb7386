using System.Text.Json;
using Gongzhi.Gateway.Places;
using Gongzhi.Gateway.Telemetry;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>POST /api/v1/cases</c>: anonymous submission, validated, durably queued, answered 202. Its photos were uploaded
/// before (<see cref="ResidentPhotosApi"/>); the message carries their paths only.
/// </summary>
public static class SubmissionsApi
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases", SubmitAsync)
            .Accepts<SubmitCaseRequest>("application/json")
            .WithName("SubmitCase")
            .WithTags("Residents")
            .WithSummary("Submit a case (a suggestion, grievance or service request); answers its tracking token")
            .AllowAnonymous()
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CommunityNotFound)
            .Refuses(StatusCodes.Status413PayloadTooLarge, RefusalCodes.TooLarge)
            .Refuses(StatusCodes.Status422UnprocessableEntity, RefusalCodes.LocationOutsideCommunity);
        return app;
    }

    public static async Task<Results<Accepted<SubmitCaseResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, CommunityInfoCache communities, IPlaceDirectory places, IntakeQueue queue, TrackingTokens tokens, GatewayMetrics metrics, TimeProvider time,
        Azure.Storage.Blobs.BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return Problems.Invalid("body", $"Not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var errors = new Dictionary<string, string[]>();
            var submit = SubmissionValidator.Parse(document.RootElement, errors);
            if (submit?.ClientRequestId is { } clientRequestId && !Guid.TryParseExact(clientRequestId, "D", out _))
            {
                // A guessable request id would let anyone land on another resident's case (see CaseIds.ForClientRequest).
                errors["clientRequestId"] = ["Must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), new for each submission."];
            }

            var photos = SubmissionPhotos.Parse(document.RootElement, errors);

            if (submit is null || errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var community = await communities.GetAsync(submit.CommunityId);
            if (community is null)
            {
                return Problems.CommunityNotFound(submit.CommunityId, $"There is no community '{submit.CommunityId}' (field communityId).");
            }

            SubmissionValidator.CheckAgainst(submit, community, errors);
            if (errors.Count == 0 && photos is { Count: > 0 })
            {
                await SubmissionPhotos.CheckAsync(photos, submit.ClientRequestId!, blobs, time, errors, cancellationToken);
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            // The point is kept only when it lies in the community: a map of the community's cases must not show it elsewhere.
            if (submit.Location.Point is { } point && places.Locate(submit.CommunityId, point) is null)
            {
                return Problems.OutsideCommunity(submit.CommunityId, "location.point");
            }

            var caseId = submit.ClientRequestId is not null ? CaseIds.ForClientRequest(submit) : CaseIds.New();
            var submission = new CaseSubmission(caseId, submit.CommunityId, submit.Kind, submit.Category, submit.Description,
                submit.Location, submit.Contact, submit.ClientRequestId, time.GetUtcNow(),
                photos is { Count: > 0 } ? [.. photos.Select(PhotoPaths.OfResident)] : null);
            await queue.EnqueueAsync(submission, cancellationToken);
            metrics.Accepted();

            var token = tokens.Issue(caseId);
            var trackUrl = $"{request.Scheme}://{request.Host}/track/{token}";
            return TypedResults.Accepted($"/api/v1/track/{token}", new SubmitCaseResponse(caseId, token, trackUrl));
        }
    }

    // Reads at most MaxBodyBytes; null when the body is larger. With a Content-Length (as clients send it) into one
    // array of that size: the intake path runs ~10,000 times a second at its ceiling, and a stream and an 8 KB chunk per
    // request were most of what it allocated.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
