namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Staff see a resident's phone number masked in every view of a case; one who may see the case reveals it here, and
/// each reveal is written to the audit log first (who, when, which case), so that no number is shown unrecorded.
/// </summary>
public static class CasePhoneApi
{
    public const string RevealAction = "phone-reveal";

    public static IEndpointRouteBuilder MapCasePhoneApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{caseId}/phone", RevealAsync).WithName("RevealPhone").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .WithSummary("Reveal the resident's phone number, masked in every staff view; each reveal is audited")
            .Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope).Refuses(StatusCodes.Status404NotFound, RefusalCodes.CaseNotFound);
        return app;
    }

    public static async Task<Results<Ok<RevealedPhone>, ProblemHttpResult>> RevealAsync(
        string caseId, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster, StaffAccountAudit audit)
    {
        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        if (!(await auth.AuthorizeAsync(user, new CaseAccess(snapshot, community), StaffOperations.SeeCase)).Succeeded)
        {
            return Problems.OutsideScope(snapshot.CommunityId, "The case is outside your scope.");
        }

        await audit.RecordAsync(user, RevealAction, caseId, $"Revealed the resident's phone number of case {caseId} ({user.Role()}).");
        return TypedResults.Ok(new RevealedPhone(snapshot.Contact.Phone));
    }
}
