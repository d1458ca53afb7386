using System.Net;

namespace Gongzhi.Gateway.Apis;

/// <summary>Tokens for any role, for the gateway's own tests: mapped only when <c>Auth:DevTokens</c> is true, answering loopback callers only.</summary>
public static class DevApi
{
    public static IEndpointRouteBuilder MapDevApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/dev/token", IssueTokenAsync).WithName("IssueDevToken").WithTags("Development").AllowAnonymous()
            .WithSummary("Tests only (Auth:DevTokens, loopback callers): a staff token for any role, subject and scope")
            .Accepts<DevTokenRequest>("application/json").TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.Forbidden);
        return app;
    }

    /// <summary>The caller is checked before the body is read, so that nobody but a loopback caller learns anything from the route.</summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(HttpContext context, TokenIssuer issuer)
    {
        // The test server has no socket and so no remote address; Kestrel always sets one.
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return Problems.Forbidden(RefusalCodes.Forbidden, "Dev tokens are issued to loopback callers only.");
        }

        DevTokenRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<DevTokenRequest>();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            body = null;
        }

        return body is null ? Problems.Invalid("body", "A JSON object { role, subject, scope }.") : Issue(body, issuer);
    }

    private static Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult> Issue(DevTokenRequest body, TokenIssuer issuer)
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
