using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Staff routes on one case. The assigned cadre acknowledges or declines, takes the mode's steps and
/// resolves; an official of the case's level may resolve it too. Each refused action changes nothing.
/// </summary>
public static class CasesApi
{
    public const int MaxText = 2000;

    private static readonly (string Route, CaseEventType Step, string Field)[] CadreSteps =
    [
        ("start", CaseEventType.WorkStarted, ""),
        ("consent", CaseEventType.ConsentRecorded, "note"),
        ("documents", CaseEventType.DocumentsHandedOver, "note"),
        ("result", CaseEventType.ResultHandedOver, "note"),
    ];

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy);
        cases.MapGet("/{caseId}", GetAsync).WithName("GetCase");
        cases.MapPost("/{caseId}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeCase");
        cases.MapPost("/{caseId}/decline", DeclineAsync).WithName("DeclineCase");
        cases.MapPost("/{caseId}/resolve", ResolveAsync).WithName("ResolveCase");
        cases.MapPost("/{caseId}/accompaniment", ArrangeAccompanimentAsync).WithName("ArrangeAccompaniment");
        foreach (var (route, step, field) in CadreSteps)
        {
            cases.MapPost($"/{{caseId}}/{route}", (string caseId, CaseActionRequest? body, ClaimsPrincipal user, IClusterClient cluster) =>
                    StepAsync(caseId, step, field, body ?? new CaseActionRequest(), user, cluster))
                .WithName($"Step{step}");
        }

        return app;
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync();
        if (snapshot is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        var community = await cluster.GetGrain<ICommunityGrain>(snapshot.CommunityId).GetInfoAsync();
        return user.MaySee(snapshot, community) ? TypedResults.Ok(CaseView.From(snapshot)) : Problems.OutsideScope(snapshot.CommunityId, "The case is outside your scope.");
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string caseId, CaseActionRequest? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (user.Role() != StaffRoles.Cadre || user.Subject() is not { } cadreId)
        {
            return Problems.Forbidden(RefusalCodes.CadreOnly, "Only the assigned cadre acknowledges a case.");
        }

        return Answer(await cluster.GetGrain<ICaseGrain>(caseId).AcknowledgeAsync(cadreId, body?.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (user.Role() != StaffRoles.Cadre || user.Subject() is not { } cadreId)
        {
            return Problems.Forbidden(RefusalCodes.CadreOnly, "Only the assigned cadre declines a case.");
        }

        if (Text(body.Reason, "reason", "say why, for the dispatcher") is { } invalid)
        {
            return invalid;
        }

        return Answer(await cluster.GetGrain<ICaseGrain>(caseId).DeclineAsync(cadreId, body.Reason!.Trim(), body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (Text(body.Note, "note", "say what was done") is { } invalid)
        {
            return invalid;
        }

        if (body.PhotoUrl is { } photo && !Uri.TryCreate(photo, UriKind.Absolute, out _) && !photo.StartsWith('/'))
        {
            return Problems.Invalid("photoUrl", "Must be a URL.");
        }

        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        if (user.Role() != StaffRoles.Cadre)
        {
            // An official resolves only a case at their own level.
            var snapshot = await grain.GetAsync();
            if (snapshot is null)
            {
                return Problems.CaseNotFound(caseId);
            }

            if (!user.OwnsLevel(snapshot) || snapshot.Level == CaseLevel.Community)
            {
                return Problems.Forbidden(RefusalCodes.LevelOfficialOnly, "At the community level the assigned cadre resolves a case; above it, an official of that level.",
                    ("levelOwnerId", snapshot.LevelOwnerId));
            }
        }

        return Answer(await grain.ResolveAsync(user.Actor(), body.Note!.Trim(), body.PhotoUrl, body.ExpectedSeq));
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ArrangeAccompanimentAsync(
        string caseId, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.When is null)
        {
            errors["when"] = ["Required: when the cadre will meet the resident (ISO 8601)."];
        }

        if (string.IsNullOrWhiteSpace(body.Where))
        {
            errors["where"] = ["Required: where they will meet."];
        }

        if (string.IsNullOrWhiteSpace(body.Office))
        {
            errors["office"] = ["Required: which office or procedure."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var when = body.When!.Value.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
        var note = $"{when} · {body.Where!.Trim()} · {body.Office!.Trim()}";
        return await StepAsync(caseId, CaseEventType.AccompanimentArranged, "", body with { Note = note }, user, cluster);
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> StepAsync(
        string caseId, CaseEventType step, string requiredField, CaseActionRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (user.Role() != StaffRoles.Cadre)
        {
            return Problems.Forbidden(RefusalCodes.StepForCadre, "Only the assigned cadre takes this step.", ("step", Refusal.Name(step)));
        }

        if (requiredField.Length > 0 && Text(body.Note, requiredField, "say what was handed over or agreed") is { } invalid)
        {
            return invalid;
        }

        return Answer(await cluster.GetGrain<ICaseGrain>(caseId).StepAsync(user.Actor(), new CaseStep(step, body.Note?.Trim()), body.ExpectedSeq));
    }

    /// <summary>A required free-text field: present and not too long.</summary>
    internal static ValidationProblem? Text(string? value, string field, string hint) =>
        string.IsNullOrWhiteSpace(value) ? Problems.Invalid(field, $"Required: {hint}.")
        : value.Length > MaxText ? Problems.Invalid(field, $"At most {MaxText} characters.")
        : null;

    internal static Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult> Answer(CaseCommandResult result) =>
        result.Outcome == CommandOutcome.Ok ? TypedResults.Ok(CaseView.From(result.Case!)) : Problems.Refused(result);
}
