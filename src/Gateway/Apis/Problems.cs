using Gongzhi.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary>Problem details (RFC 7807) for the answers every API shares.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string title, string? detail = null) => TypedResults.Problem(detail, statusCode: 404, title: title);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: 403, title: "Not allowed");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: 409, title: "Not possible in the case's current state");

    public static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem($"The body may be at most {limit} bytes.", statusCode: 413, title: "Request body too large");

    /// <summary>A 400 naming each field at fault.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: "The request has invalid fields");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A refused command on a case, mapped to its status code.</summary>
    public static ProblemHttpResult Refusal(CaseCommandResult result) => result.Outcome switch
    {
        CommandOutcome.NotFound => NotFound("No such case", result.Reason),
        CommandOutcome.Forbidden => Forbidden(result.Reason ?? "Not your case."),
        _ => Conflict(result.Reason ?? "Conflict."),
    };
}
