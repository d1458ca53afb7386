using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Dispatchers' and officials' actions on a case: assign or reassign, change the handling mode, merge a
/// duplicate, escalate up the ladder and hand back down.
/// </summary>
public static class CaseDispatchApi
{
    public static IEndpointRouteBuilder MapCaseDispatchApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy);
        cases.MapPost("/{caseId}/assign", AssignAsync).WithName("AssignCase");
        cases.MapPost("/{caseId}/mode", ChangeModeAsync).WithName("ChangeCaseMode");
        cases.MapPost("/{caseId}/merge", MergeAsync).WithName("MergeCase");
        cases.MapPost("/{caseId}/escalate", EscalateAsync).WithName("EscalateCase");
        cases.MapPost("/{caseId}/return", ReturnAsync).WithName("ReturnCase");
        return app;
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (string.IsNullOrWhiteSpace(body.CadreId))
        {
            return Problems.Invalid("cadreId", "Required: the cadre to give the case to.");
        }

        var (grain, refusal) = await ForDispatcherAsync(caseId, user, cluster);
        return refusal ?? CasesApi.Answer(await grain.AssignAsync(user.Actor(), body.CadreId.Trim(), body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ChangeModeAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        HandlingMode? mode = body.Mode switch
        {
            "doItNow" => HandlingMode.DoItNow,
            "leadThrough" => HandlingMode.LeadThrough,
            "doForYou" => HandlingMode.DoForYou,
            _ => null,
        };
        if (mode is null)
        {
            return Problems.Invalid("mode", "Must be one of: doItNow, leadThrough, doForYou.");
        }

        var (grain, refusal) = await ForDispatcherAsync(caseId, user, cluster);
        return refusal ?? CasesApi.Answer(await grain.ChangeModeAsync(user.Actor(), mode.Value, body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (string.IsNullOrWhiteSpace(body.IntoCaseId))
        {
            return Problems.Invalid("intoCaseId", "Required: the primary case to merge into.");
        }

        var (grain, refusal) = await ForDispatcherAsync(caseId, user, cluster);
        if (refusal is not null)
        {
            return refusal;
        }

        var primary = await cluster.GetGrain<ICaseGrain>(body.IntoCaseId.Trim()).GetAsync();
        var mine = await grain.GetAsync();
        if (primary is null || primary.CommunityId != mine!.CommunityId)
        {
            return Problems.Invalid("intoCaseId", "No open case of that id in the same community.");
        }

        return CasesApi.Answer(await grain.MergeIntoAsync(user.Actor(), primary.CaseId, body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (CasesApi.Text(body.Reason, "reason", "say why it cannot be settled at this level") is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        var allowed = (snapshot.AssigneeId is { } cadre && user.IsCadre(cadre))
            || (snapshot.Level == CaseLevel.Community && community is not null && user.DispatchesFor(community))
            || user.OwnsLevel(snapshot);
        return allowed
            ? CasesApi.Answer(await grain.EscalateAsync(user.Actor(), body.Reason!.Trim(), body.ExpectedSeq))
            : Problems.Forbidden(RefusalCodes.NotCaseHandler, "Only the case's cadre, its community's dispatchers or an official of its level escalate it.");
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (CasesApi.Text(body.Instructions, "instructions", "say what the level below should do") is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        return user.OwnsLevel(snapshot) && snapshot.Level != CaseLevel.Community
            ? CasesApi.Answer(await grain.ReturnAsync(user.Actor(), body.Instructions!.Trim(), body.ExpectedSeq))
            : Problems.Forbidden(RefusalCodes.LevelOfficialOnly, "Only an official of the level the case is at hands it back down.", ("levelOwnerId", snapshot.LevelOwnerId));
    }

    // Assigning, changing mode and merging belong to the dispatchers of the case's community.
    private static async Task<(ICaseGrain Grain, ProblemHttpResult? Refusal)> ForDispatcherAsync(string caseId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return (grain, Problems.CaseNotFound(caseId));
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        return community is not null && user.DispatchesFor(community)
            ? (grain, null)
            : (grain, Problems.Forbidden(RefusalCodes.DispatcherOnly, "Only a dispatcher of the case's community does this.", ("communityId", snapshot.CommunityId)));
    }
}
