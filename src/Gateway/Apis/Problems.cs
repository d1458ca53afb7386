namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Problem details (RFC 7807) for the answers every API shares. Each carries the refusal's stable <c>code</c>
/// and its <c>args</c> as extensions (docs/api.md, "Refusal codes"); <c>detail</c> is English for people.
/// </summary>
internal static class Problems
{
    private const string ConflictTitle = "Not possible in the case's current state";

    public static ProblemHttpResult NotFound(string title, Refusal refusal) => Problem(404, title, refusal);

    public static ProblemHttpResult CaseNotFound(string caseId, string? detail = null) =>
        NotFound("No such case", Refusal.Of(RefusalCodes.CaseNotFound, detail ?? $"No case '{caseId}' has been taken in.", ("caseId", caseId)));

    public static ProblemHttpResult CommunityNotFound(string communityId, string? detail = null) =>
        NotFound("Unknown community", Refusal.Of(RefusalCodes.CommunityNotFound, detail ?? $"There is no community '{communityId}'.", ("communityId", communityId)));

    public static ProblemHttpResult PetitionNotFound(string petitionId) =>
        NotFound("No such video petition", Refusal.Of(RefusalCodes.PetitionNotFound, $"There is no video petition '{petitionId}'.", ("petitionId", petitionId)));

    public static ProblemHttpResult ConsultationNotFound(string consultationId) =>
        NotFound("No such consultation", Refusal.Of(RefusalCodes.ConsultationNotFound, $"There is no consultation '{consultationId}'.", ("consultationId", consultationId)));

    public static ProblemHttpResult InvitationNotFound(string consultationId) =>
        NotFound("No such invitation", Refusal.Of(RefusalCodes.InvitationNotFound, $"You have no invitation to consultation '{consultationId}'.", ("consultationId", consultationId)));

    public static ProblemHttpResult UnknownTrackingToken() =>
        NotFound("Unknown tracking token", Refusal.Of(RefusalCodes.TrackingTokenUnknown, "The tracking token opens no case."));

    public static ProblemHttpResult Unauthorized(Refusal refusal) => Problem(401, "Who is asking?", refusal);

    public static ProblemHttpResult Forbidden(string code, string detail, params (string Name, string Value)[] args) =>
        Problem(403, "Not allowed", Refusal.Of(code, detail, args));

    public static ProblemHttpResult OutsideScope(string scope, string detail) => Forbidden(RefusalCodes.OutsideScope, detail, ("scope", scope));

    public static ProblemHttpResult Conflict(Refusal refusal) => Problem(409, ConflictTitle, refusal);

    public static ProblemHttpResult TooLarge(int limit) =>
        Problem(413, "Request body too large", Refusal.Of(RefusalCodes.TooLarge, $"The body may be at most {limit} bytes.",
            ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static ProblemHttpResult UnsupportedMediaType(Refusal refusal) => Problem(415, "Unsupported media type", refusal);

    /// <summary>A 400 naming each field at fault.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields", extensions: Extensions(Refusal.Of(RefusalCodes.InvalidFields, "Invalid fields.")));

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 422: the point in <paramref name="field"/> lies outside every compound of the community.</summary>
    public static ProblemHttpResult OutsideCommunity(string communityId, string field) =>
        Problem(422, "The place is outside the community", Refusal.Of(RefusalCodes.LocationOutsideCommunity,
            $"The point ({field}) lies outside every compound of community '{communityId}'.", ("field", field), ("communityId", communityId)));

    /// <summary>A refused command, mapped to its status code; <paramref name="notFound"/> and <paramref name="conflict"/> title a 404 and a 409.</summary>
    public static ProblemHttpResult Refused(CommandOutcome outcome, Refusal refusal, string notFound = "No such case", string conflict = ConflictTitle) =>
        outcome switch
        {
            CommandOutcome.NotFound => NotFound(notFound, refusal),
            CommandOutcome.Forbidden => Problem(403, "Not allowed", refusal),
            _ => Problem(409, conflict, refusal),
        };

    /// <summary>A refused command on a case, mapped to its status code.</summary>
    public static ProblemHttpResult Refused(CaseCommandResult result) => Refused(result.Outcome, result.Refusal!);

    /// <summary>The <c>code</c> and <c>args</c> extensions of a refusal.</summary>
    public static Dictionary<string, object?> Extensions(Refusal refusal) => new() { ["code"] = refusal.Code, ["args"] = refusal.Args };

    private static ProblemHttpResult Problem(int status, string title, Refusal refusal) =>
        TypedResults.Problem(refusal.Detail, statusCode: status, title: title, extensions: Extensions(refusal));
}
