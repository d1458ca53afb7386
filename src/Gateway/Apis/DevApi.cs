namespace Gongzhi.Gateway.Apis;

/// <summary>Demo tokens, mapped in the Development environment only.</summary>
public static class DevApi
{
    public static IEndpointRouteBuilder MapDevApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/dev/token", IssueToken).WithName("IssueDevToken").WithTags("Development").AllowAnonymous()
            .WithSummary("Development only: a staff token for any role, subject and scope")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields);
        return app;
    }

    public static Results<Ok<TokenResponse>, ValidationProblem> IssueToken(DevTokenRequest body, TokenIssuer issuer)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Role is null || !StaffRoles.All.Contains(body.Role))
        {
            errors["role"] = [$"Must be one of: {string.Join(", ", StaffRoles.All.Order(StringComparer.Ordinal))}."];
        }

        if (string.IsNullOrWhiteSpace(body.Subject))
        {
            errors["subject"] = ["Required (for a cadre, the cadre's id)."];
        }

        if (string.IsNullOrWhiteSpace(body.Scope))
        {
            errors["scope"] = ["Required: a community, sub-district or county id."];
        }

        return errors.Count > 0
            ? Problems.Invalid(errors)
            : TypedResults.Ok(new TokenResponse(issuer.Issue(body.Role!, body.Subject!.Trim(), body.Scope!.Trim())));
    }
}
