namespace Gongzhi.Gateway.Apis;

/// <summary>A grain's answer to an admin's change, as HTTP: the changed thing, or the refusal with its status.</summary>
internal static class AdminEdits
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(WorldEdit edit, Func<T> done) =>
        edit.Refusal switch
        {
            null => TypedResults.Ok(done()),
            { Code: RefusalCodes.InvalidFields } invalid => Problems.Invalid(invalid.Args.GetValueOrDefault("field") ?? "", invalid.Detail),
            { } refusal => Problems.Refused(edit.Outcome, refusal, notFound: "Unknown", conflict: "Not possible as things stand"),
        };

    /// <summary>The admin's username, as the audit log records them.</summary>
    public static string Actor(ClaimsPrincipal user) => user.Subject() ?? "unknown";
}
