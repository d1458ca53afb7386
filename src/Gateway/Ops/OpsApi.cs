namespace Gongzhi.Gateway.Ops;

/// <summary>
/// The operators' door for admins: the ticket that lets a browser tab in, and the Orleans Dashboard of a silo's
/// management port, forwarded under <see cref="OrleansPath"/> (its pages ask for their files and data by relative paths).
/// </summary>
public static class OpsApi
{
    public const string OrleansPath = "/ops/orleans";

    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder app, OpsOptions options)
    {
        app.MapPost("/api/v1/auth/ops-ticket", IssueTicket).WithTags("Sign-in").WithName("IssueOpsTicket")
            .WithSummary("Set the admin's ops cookie (HttpOnly, Path=/ops, short-lived) that lets a browser tab open the Orleans Dashboard")
            .RequireAuthorization(StaffAuthorization.AdminPolicy).Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.Unauthenticated)
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.Forbidden);
        app.MapGet(OrleansPath + "/{**path}", (HttpContext context, OrleansDashboardForwarder dashboard) => dashboard.ForwardAsync(context))
            .WithName("OrleansDashboard").ExcludeFromDescription().RequireAuthorization(StaffAuthorization.AdminPolicy);
        return app;
    }

    public static Ok<OpsTicketResponse> IssueTicket(ClaimsPrincipal user, OpsTicket ticket, HttpResponse response) =>
        TypedResults.Ok(new OpsTicketResponse(OrleansPath + "/", ticket.Issue(user, response)));
}
