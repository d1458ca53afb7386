namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>/api/v1/admin/counties/{countyId}</c> (admin only): the county's categories and SLA classes. A change is stored in
/// the county's catalog, audited, and given to every community of the county; cases already open keep their terms.
/// </summary>
public static class AdminCatalogApi
{
    public static IEndpointRouteBuilder MapAdminCatalogApi(this IEndpointRouteBuilder app)
    {
        var county = app.MapGroup("/api/v1/admin/counties/{countyId}").WithTags("Administration").RequireAuthorization(StaffAuthorization.AdminPolicy)
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CountyNotFound);
        county.MapGet("", GetAsync).WithName("GetAdminCounty").WithSummary("Admin: the county's categories and SLA classes");
        county.MapPut("/categories/{categoryId}", PutCategoryAsync).WithName("PutAdminCategory")
            .WithSummary("Admin: add or change a category (names, default mode, SLA class and per-kind classes, department, offer window, surge warning thresholds)")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields);
        county.MapPut("/sla-classes/{slaClassId}", PutSlaClassAsync).WithName("PutAdminSlaClass")
            .WithSummary("Admin: add or change an SLA class (minutes to acknowledge and to resolve)")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields);
        return app;
    }

    public static async Task<Results<Ok<AdminCatalogView>, ProblemHttpResult>> GetAsync(string countyId, IClusterClient cluster) =>
        await cluster.GetGrain<ICountyCatalogGrain>(countyId).GetAsync() is { } catalog ? TypedResults.Ok(AdminCatalogView.From(catalog)) : CountyNotFound(countyId);

    public static async Task<Results<Ok<AdminCategoryView>, ValidationProblem, ProblemHttpResult>> PutCategoryAsync(
        string countyId, string categoryId, AdminCategoryRequest body, ClaimsPrincipal user, IClusterClient cluster, CommunityInfoCache descriptions)
    {
        var input = new AdminInput();
        input.Id("categoryId", categoryId);
        var category = new CategoryInfo(categoryId, input.Text("name", body.Name), input.Text("nameEn", body.NameEn), input.Required("defaultMode", body.DefaultMode))
        {
            SlaClass = input.Id("slaClass", body.SlaClass),
            SlaClassByKind = (body.SlaClassByKind ?? new Dictionary<CaseKind, string>())
                .ToDictionary(k => k.Key, k => input.Id($"slaClassByKind.{Refusal.Name(k.Key)}", k.Value)),
            DepartmentId = input.OptionalId("departmentId", body.DepartmentId),
            OfferWindow = TimeSpan.FromMinutes(input.Minutes("offerWindowMinutes", body.OfferWindowMinutes, AdminInput.MaxOfferWindowMinutes)),
            Surge = SurgeOf(input, body),
        };
        if (input.Failed)
        {
            return input.Problem;
        }

        var edit = await cluster.GetGrain<ICountyCatalogGrain>(countyId).PutCategoryAsync(category, AdminEdits.Actor(user));
        await ForgetCountyAsync(cluster, descriptions, countyId);
        return AdminEdits.Answer(edit, () => AdminCategoryView.From(category));
    }

    public static async Task<Results<Ok<AdminSlaClassView>, ValidationProblem, ProblemHttpResult>> PutSlaClassAsync(
        string countyId, string slaClassId, AdminSlaClassRequest body, ClaimsPrincipal user, IClusterClient cluster, CommunityInfoCache descriptions)
    {
        var input = new AdminInput();
        input.Id("slaClassId", slaClassId);
        var acknowledge = input.Minutes("acknowledgeWithinMinutes", body.AcknowledgeWithinMinutes, AdminInput.MaxSlaMinutes);
        var resolve = input.Minutes("resolveWithinMinutes", body.ResolveWithinMinutes, AdminInput.MaxSlaMinutes);
        if (resolve < acknowledge)
        {
            input.Fail("resolveWithinMinutes", "Not shorter than the time to acknowledge.");
        }

        if (input.Failed)
        {
            return input.Problem;
        }

        var slaClass = new SlaClassInfo(slaClassId, TimeSpan.FromMinutes(acknowledge), TimeSpan.FromMinutes(resolve));
        var edit = await cluster.GetGrain<ICountyCatalogGrain>(countyId).PutSlaClassAsync(slaClass, AdminEdits.Actor(user));
        await ForgetCountyAsync(cluster, descriptions, countyId);
        return AdminEdits.Answer(edit, () => AdminSlaClassView.From(slaClass));
    }

    // Left out, each threshold takes its default (docs/early-warning.md); the defaults are stored as nothing.
    private static SurgeSettings? SurgeOf(AdminInput input, AdminCategoryRequest body) => new SurgeSettings(
        input.Whole("surgeMinCount", body.SurgeMinCount ?? SurgeSettings.Default.MinCount, SurgeSettings.MinCountLowest, SurgeSettings.MinCountHighest),
        input.Whole("surgeWindowMinutes", body.SurgeWindowMinutes ?? SurgeSettings.Default.WindowMinutes, SurgeSettings.WindowLowest, SurgeSettings.WindowHighest),
        input.Chance("surgePValue", body.SurgePValue ?? SurgeSettings.Default.PValue, SurgeSettings.PValueHighest)) is var surge && surge == SurgeSettings.Default ? null : surge;

    // This gateway describes the county's communities anew at once; the others within their cache's lifetime.
    private static async Task ForgetCountyAsync(IClusterClient cluster, CommunityInfoCache descriptions, string countyId)
    {
        foreach (var place in await cluster.GetGrain<ICommunityDirectoryGrain>(0).FindAsync(countyId))
        {
            descriptions.Forget(place.Id);
        }
    }

    private static ProblemHttpResult CountyNotFound(string countyId) =>
        Problems.NotFound("Unknown county", Refusal.Of(RefusalCodes.CountyNotFound, $"There is no county '{countyId}'.", ("countyId", countyId)));
}
