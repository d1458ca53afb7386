namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>/api/v1/admin</c> (admin only): the communities as an admin manages them — each cadre's categories, shifts and
/// volunteer (双报到) flag, and the standing parties of its 7+X meetings. Every change is audited by the grain that makes
/// it, and takes effect at once: the community dispatches by the new roster from its next case.
/// </summary>
public static class AdminWorldApi
{
    public static IEndpointRouteBuilder MapAdminWorldApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(StaffAuthorization.AdminPolicy);
        admin.MapGet("/world", GetWorldAsync).WithName("GetAdminWorld")
            .WithSummary("Admin: every community with its cadres, shifts, volunteer flags and standing parties, and each county's categories and SLA classes");
        var community = admin.MapGroup("/communities/{communityId}").Refuses(StatusCodes.Status404NotFound, RefusalCodes.CommunityNotFound);
        community.MapGet("", GetCommunityAsync).WithName("GetAdminCommunity").WithSummary("Admin: one community with its cadres and standing parties");
        community.MapPut("/cadres/{cadreId}", PutCadreAsync).WithName("PutAdminCadre")
            .WithSummary("Admin: add a cadre to the community or change one (name, categories, shifts, volunteer flag); duty follows the new shifts at once")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status409Conflict, RefusalCodes.CadreInOtherCommunity);
        community.MapDelete("/cadres/{cadreId}", RetireCadreAsync).WithName("RetireAdminCadre")
            .WithSummary("Admin: retire a cadre from the roster; refused while they carry open cases (reassign those first)")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status404NotFound, RefusalCodes.CadreNotInCommunity)
            .Refuses(StatusCodes.Status409Conflict, RefusalCodes.CadreHasOpenCases);
        community.MapPut("/standing-parties", PutStandingPartiesAsync).WithName("PutAdminStandingParties")
            .WithSummary("Admin: replace the standing parties of the community's 7+X consultations")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields);
        return app;
    }

    public static async Task<Ok<AdminWorldView>> GetWorldAsync(IClusterClient cluster)
    {
        var places = await cluster.GetGrain<ICommunityDirectoryGrain>(0).ListAsync();
        var communities = await Task.WhenAll(places.Select(p => DescribeAsync(cluster, p.Id)));
        var catalogs = await Task.WhenAll(places.Select(p => p.CountyId).Distinct().Order(StringComparer.Ordinal)
            .Select(id => cluster.GetGrain<ICountyCatalogGrain>(id).GetAsync()));
        return TypedResults.Ok(new AdminWorldView(communities.OfType<AdminCommunityView>().ToArray(), catalogs.OfType<CountyCatalog>().Select(AdminCatalogView.From).ToArray()));
    }

    public static async Task<Results<Ok<AdminCommunityView>, ProblemHttpResult>> GetCommunityAsync(string communityId, IClusterClient cluster) =>
        await DescribeAsync(cluster, communityId) is { } view ? TypedResults.Ok(view) : Problems.CommunityNotFound(communityId);

    public static async Task<Results<Ok<AdminCadreView>, ValidationProblem, ProblemHttpResult>> PutCadreAsync(
        string communityId, string cadreId, AdminCadreRequest body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var input = new AdminInput();
        input.Id("cadreId", cadreId);
        var name = input.Text("name", body.Name);
        var categories = input.Ids("categories", body.Categories, AdminInput.MaxCategories);
        var shifts = input.List("shifts", body.Shifts, AdminInput.MaxShifts, allowEmpty: true).Select((s, i) => input.Shift($"shifts[{i}]", s)).ToArray();
        var volunteer = input.Required("isVolunteer", body.IsVolunteer);
        var max = body.MaxOpenCases ?? 8;
        if (max is < 1 or > AdminInput.MaxOpenCasesLimit)
        {
            input.Fail("maxOpenCases", $"From 1 to {AdminInput.MaxOpenCasesLimit}.");
        }

        if (input.Failed)
        {
            return input.Problem;
        }

        if (await OtherCommunityAsync(cluster, communityId, cadreId) is { } other)
        {
            return Problems.Conflict(Refusal.Of(RefusalCodes.CadreInOtherCommunity, $"Cadre '{cadreId}' already serves {other}.", ("cadreId", cadreId), ("communityId", other)));
        }

        var grain = cluster.GetGrain<ICommunityGrain>(communityId);
        var profile = new CadreProfile(cadreId, name, categories, shifts, false) { MaxOpenCases = max, IsVolunteer = volunteer };
        var edit = await grain.PutCadreAsync(profile, AdminEdits.Actor(user));
        var roster = edit.Refusal is null ? await grain.GetRosterAsync() : [];
        return AdminEdits.Answer(edit, () => AdminCadreView.From(profile, roster.FirstOrDefault(r => r.Id == cadreId)));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RetireCadreAsync(
        string communityId, string cadreId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var input = new AdminInput();
        input.Id("cadreId", cadreId);
        if (input.Failed)
        {
            return input.Problem;
        }

        var edit = await cluster.GetGrain<ICommunityGrain>(communityId).RetireCadreAsync(cadreId, AdminEdits.Actor(user));
        return edit.Refusal is { } refusal ? Problems.Refused(edit.Outcome, refusal, notFound: "Unknown", conflict: "Not possible as things stand") : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AdminCommunityView>, ValidationProblem, ProblemHttpResult>> PutStandingPartiesAsync(
        string communityId, AdminStandingPartiesRequest body, ClaimsPrincipal user, IClusterClient cluster, CommunityInfoCache descriptions)
    {
        var input = new AdminInput();
        var parties = input.List("parties", body.Parties, AdminInput.MaxParties, allowEmpty: true).Select((p, i) => p is null
            ? Fail(input, $"parties[{i}]")
            : new ConsultationParty(input.Id($"parties[{i}].id", p.Id), input.Text($"parties[{i}].name", p.Name), input.Text($"parties[{i}].role", p.Role),
                input.OptionalId($"parties[{i}].accountId", p.AccountId))).ToArray();
        input.Distinct("parties", parties.Select(p => p.Id));
        if (input.Failed)
        {
            return input.Problem;
        }

        var edit = await cluster.GetGrain<ICommunityGrain>(communityId).SetStandingPartiesAsync(parties, AdminEdits.Actor(user));
        descriptions.Forget(communityId);
        var view = edit.Refusal is null ? await DescribeAsync(cluster, communityId) : null;
        return AdminEdits.Answer(edit, () => view!);
    }

    private static ConsultationParty Fail(AdminInput input, string field)
    {
        input.Fail(field, "Required.");
        return new ConsultationParty("", "", "", null);
    }

    // The community the cadre serves now, when it is another one (a retired cadre serves none).
    private static async Task<string?> OtherCommunityAsync(IClusterClient cluster, string communityId, string cadreId)
    {
        var other = await cluster.GetGrain<Cadres.ICadreGrain>(cadreId).GetCommunityIdAsync();
        return other is not null && other != communityId && await cluster.GetGrain<ICommunityGrain>(other).GetCadreAsync(cadreId) is not null ? other : null;
    }

    private static async Task<AdminCommunityView?> DescribeAsync(IClusterClient cluster, string communityId)
    {
        var grain = cluster.GetGrain<ICommunityGrain>(communityId);
        if (await grain.GetInfoAsync() is not { } info)
        {
            return null;
        }

        return AdminCommunityView.From(info, await grain.GetProfilesAsync(), await grain.GetRosterAsync());
    }
}
