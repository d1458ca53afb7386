using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary>Staff routes on one case: read it; the assigned cadre acknowledges and resolves it.</summary>
public static class CasesApi
{
    public const int MaxNote = 2000;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy);
        cases.MapGet("/{caseId}", GetAsync).WithName("GetCase");
        cases.MapPost("/{caseId}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeCase");
        cases.MapPost("/{caseId}/resolve", ResolveAsync).WithName("ResolveCase");
        return app;
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot is null)
        {
            return Problems.NotFound("No such case", $"No case '{caseId}' has been taken in.");
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        var allowed = (snapshot.AssigneeId is { } assignee && user.IsCadre(assignee)) || (community is not null && user.DispatchesFor(community));
        return allowed ? TypedResults.Ok(CaseView.From(snapshot)) : Problems.Forbidden("The case is outside your scope.");
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> AcknowledgeAsync(string caseId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (user.Role() != StaffRoles.Cadre || user.Subject() is not { } cadreId)
        {
            return Problems.Forbidden("Only the assigned cadre acknowledges a case.");
        }

        var result = await cluster.GetGrain<ICaseGrain>(caseId).AcknowledgeAsync(cadreId);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.Ok(CaseView.From(result.Case!)) : Problems.Refusal(result);
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        string caseId, ResolveRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (user.Role() != StaffRoles.Cadre || user.Subject() is not { } cadreId)
        {
            return Problems.Forbidden("Only the assigned cadre resolves a case.");
        }

        var note = body.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return Problems.Invalid("note", "Required: say what was done.");
        }

        if (note.Length > MaxNote)
        {
            return Problems.Invalid("note", $"At most {MaxNote} characters.");
        }

        var result = await cluster.GetGrain<ICaseGrain>(caseId).ResolveAsync(cadreId, note);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.Ok(CaseView.From(result.Case!)) : Problems.Refusal(result);
    }
}
