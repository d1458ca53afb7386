using System.Globalization;
using Gongzhi.Metrics;

namespace Gongzhi.Gateway.Apis;

/// <summary>The KPIs of a community, sub-district, county or county department, for its dispatchers and officials (definitions in docs/kpis.md).</summary>
public static class MetricsApi
{
    /// <summary>The longest range of a report: a quarter of days, a year of months (what the metrics keep).</summary>
    public static readonly TimeSpan MaxDaySpan = TimeSpan.FromDays(92);

    public static readonly TimeSpan MaxMonthSpan = TimeSpan.FromDays(366);

    private static readonly TimeZoneInfo County = TimeZoneInfo.FindSystemTimeZoneById(KpiReport.CountyTimeZone);

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/v1/metrics").WithTags("Staff").RequireAuthorization(StaffRoles.StaffPolicy)
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status403Forbidden, RefusalCodes.OutsideScope);
        metrics.MapGet("", GetReportAsync).WithName("GetMetrics").WithSummary("The KPI report of a community, sub-district, county or department, by day or month");
        metrics.MapGet("/summary", GetSummaryAsync).WithName("GetMetricsSummary").WithSummary("A community's headline KPIs, as the board shows them");
        return app;
    }

    public static async Task<Results<Ok<KpiReport>, ValidationProblem, ProblemHttpResult>> GetReportAsync(
        string? scope, string? period, string? from, string? to, string? by, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster,
        TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(scope))
        {
            errors["scope"] = ["Required: a community, sub-district or county id."];
        }

        KpiPeriod? kpiPeriod = period?.ToLowerInvariant() switch
        {
            "day" => KpiPeriod.Day,
            "month" => KpiPeriod.Month,
            _ => null,
        };
        if (kpiPeriod is null)
        {
            errors["period"] = ["Required: day or month."];
        }

        var dimensions = ParseDimensions(by);
        if (dimensions is null)
        {
            errors["by"] = ["A comma-separated list of community, subdistrict, cadre, category, level, department."];
        }

        var end = to is null ? time.GetUtcNow() : ParseInstant(to, endOfDay: true);
        if (end is null)
        {
            errors["to"] = ["An ISO 8601 time with its offset (2026-11-30T16:00:00Z) or a county date (2026-11-30, taken to its end)."];
        }

        var start = from is null ? DefaultFrom(kpiPeriod, end) : ParseInstant(from, endOfDay: false);
        if (start is null && from is not null)
        {
            errors["from"] = ["An ISO 8601 time with its offset (2026-11-01T00:00:00+08:00) or a county date (2026-11-01)."];
        }

        if (errors.Count == 0 && RangeError(kpiPeriod!.Value, start!.Value, end!.Value) is { } rangeError)
        {
            errors[rangeError.Field] = [rangeError.Message];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await KpiScope.FindAsync(scope!, cluster) is not { } found)
        {
            return UnknownScope(scope!);
        }

        if (!await found.MayReadAsync(scope!, user, auth))
        {
            return OutOfScope(scope!);
        }

        var places = found.Places;
        var query = new KpiQuery(scope!, kpiPeriod!.Value, start!.Value, end!.Value, dimensions!, found.Department);
        var report = places is [var only] && only.Id == scope
            ? await cluster.GetGrain<IMetricsGrain>(only.Id).GetReportAsync(query)
            : await cluster.GetGrain<IMetricsReportGrain>(0).BuildAsync(places.Select(p => p.Id).ToArray(), query);
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<MetricsPush>, ValidationProblem, ProblemHttpResult>> GetSummaryAsync(
        string? scope, ClaimsPrincipal user, IAuthorizationService auth, IClusterClient cluster)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return Problems.Invalid("scope", "Required: a community id.");
        }

        var places = await cluster.GetGrain<ICommunityDirectoryGrain>(0).FindAsync(scope);
        if (places is not [var community] || community.Id != scope)
        {
            return places.Count == 0 ? UnknownScope(scope) : Problems.Invalid("scope", "The summary is per community: give a community id.");
        }

        if (!(await auth.AuthorizeAsync(user, community, StaffOperations.DispatchCommunity)).Succeeded)
        {
            return OutOfScope(scope);
        }

        return TypedResults.Ok(MetricsPush.From(scope, await cluster.GetGrain<IMetricsGrain>(scope).GetSummaryAsync()));
    }

    private static ValidationProblem UnknownScope(string scope) =>
        Problems.Invalid("scope", $"No community, sub-district or county has the id '{scope}'.");

    // Every community the scope names must be the caller's: a community's dispatcher may not read their sub-district.
    private static ProblemHttpResult OutOfScope(string scope) => Problems.OutsideScope(scope, $"Scope {scope} is outside yours.");

    private static IReadOnlyList<KpiDimension>? ParseDimensions(string? by)
    {
        if (by is null)
        {
            return Enum.GetValues<KpiDimension>();
        }

        var dimensions = new List<KpiDimension>();
        foreach (var name in by.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<KpiDimension>(name, ignoreCase: true, out var dimension) || !Enum.IsDefined(dimension) || int.TryParse(name, out _))
            {
                return null;
            }

            dimensions.Add(dimension);
        }

        return dimensions.Distinct().ToArray();
    }

    // A bare date is a day in the county; as the end of a range it means through the end of that day.
    private static DateTimeOffset? ParseInstant(string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue).AddDays(endOfDay ? 1 : 0);
            return new DateTimeOffset(local, County.GetUtcOffset(local));
        }

        // A time without an offset would be read in the gateway's own zone: refuse it rather than guess.
        var hasOffset = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && parsed.Kind != DateTimeKind.Unspecified;
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
    }

    // 30 days or 12 months back to the bucket holding the end, today or this month included.
    private static DateTimeOffset? DefaultFrom(KpiPeriod? period, DateTimeOffset? end)
    {
        if (period is not { } p || end is not { } e)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(e, County);
        return p == KpiPeriod.Day ? local.AddDays(-29) : local.AddMonths(-11);
    }

    private static (string Field, string Message)? RangeError(KpiPeriod period, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return ("to", "Must be after from.");
        }

        return period == KpiPeriod.Day && to - from > MaxDaySpan ? ("from", $"With period=day, from and to may be at most {MaxDaySpan.TotalDays} days apart.")
            : period == KpiPeriod.Month && to - from > MaxMonthSpan ? ("from", $"With period=month, from and to may be at most {MaxMonthSpan.TotalDays} days apart.")
            : null;
    }
}
