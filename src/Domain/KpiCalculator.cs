using Gongzhi.Cases;
using Gongzhi.Metrics;

namespace Gongzhi.Domain;

/// <summary>
/// The county's KPIs from the latest fact of each case (definitions in docs/kpis.md). Cases are
/// bucketed by when they were submitted, in the county's local time; deadlines passed by
/// <c>now</c> without the step being done count as late.
/// </summary>
public static class KpiCalculator
{
    public static readonly TimeZoneInfo CountyTimeZone = TimeZoneInfo.FindSystemTimeZoneById(KpiReport.CountyTimeZone);

    /// <summary>The report of the query: a bucket for every day or month overlapping [From, To).</summary>
    public static KpiReport Report(IEnumerable<CaseFact> facts, KpiQuery query, DateTimeOffset now, TimeZoneInfo zone)
    {
        var (start, end) = Window(query.Period, query.From, query.To, zone);
        var inWindow = facts.Where(f => f.SubmittedAt >= start && f.SubmittedAt < end && (query.Department is null || f.DepartmentId == query.Department)).ToArray();
        var byBucket = inWindow.ToLookup(f => BucketStart(f.SubmittedAt, query.Period, zone));
        var buckets = new List<KpiBucket>();
        for (var bucket = start; bucket < end; bucket = Next(bucket, query.Period, zone))
        {
            var cases = byBucket[bucket].ToArray();
            buckets.Add(new KpiBucket(
                bucket,
                Next(bucket, query.Period, zone),
                Figures(cases, now),
                Groups(cases, query, KpiDimension.Community, f => f.CommunityId, now),
                Groups(cases, query, KpiDimension.Subdistrict, f => f.SubdistrictId, now),
                Groups(cases, query, KpiDimension.Cadre, f => f.CadreId, now),
                Groups(cases, query, KpiDimension.Category, f => f.Category, now),
                Groups(cases, query, KpiDimension.Level, HoldingLevel, now),
                Groups(cases, query, KpiDimension.Department, f => f.DepartmentId, now)));
        }

        return new KpiReport(query.Scope, query.Period, zone.Id, start, end, now, Figures(inWindow, now), buckets);
    }

    /// <summary>The headline figures of today and of this month, in county time.</summary>
    public static KpiSummary Summary(IEnumerable<CaseFact> facts, DateTimeOffset now, TimeZoneInfo zone)
    {
        var dayStart = BucketStart(now, KpiPeriod.Day, zone);
        var monthStart = BucketStart(now, KpiPeriod.Month, zone);
        var month = facts.Where(f => f.SubmittedAt >= monthStart && f.SubmittedAt < Next(monthStart, KpiPeriod.Month, zone)).ToArray();
        var today = month.Where(f => f.SubmittedAt >= dayStart && f.SubmittedAt < Next(dayStart, KpiPeriod.Day, zone));
        return new KpiSummary(now, dayStart, Figures(today, now), monthStart, Figures(month, now));
    }

    /// <summary>Every KPI of a set of cases, as seen at <paramref name="now"/>.</summary>
    public static KpiFigures Figures(IEnumerable<CaseFact> facts, DateTimeOffset now)
    {
        int submitted = 0, accepted = 0, acknowledged = 0, acknowledgedOnTime = 0, acknowledgeOverdue = 0;
        int resolved = 0, resolvedOnTime = 0, resolveOverdue = 0, resolvedAtCommunity = 0;
        int rated = 0, satisfied = 0, basically = 0, noResponse = 0;
        var toAcknowledge = new List<double>();
        var toResolve = new List<double>();
        foreach (var fact in facts)
        {
            submitted++;
            var open = fact.Closure is null;
            if (fact.AcceptedAt is not null)
            {
                accepted++;
            }

            if (fact.AcknowledgedAt is { } acknowledgedAt)
            {
                acknowledged++;
                if (fact.AcknowledgeBy is not { } by || acknowledgedAt <= by)
                {
                    acknowledgedOnTime++;
                }

                toAcknowledge.Add(Seconds(acknowledgedAt - fact.SubmittedAt));
            }
            else if (open && fact.ResolvedAt is null && fact.AcknowledgeBy is { } by && now > by)
            {
                acknowledgeOverdue++;
            }

            if (fact.ResolvedAt is { } resolvedAt)
            {
                resolved++;
                if (fact.ResolveBy is not { } by || resolvedAt <= by)
                {
                    resolvedOnTime++;
                }

                if (fact.ResolvedAtLevel == CaseLevel.Community)
                {
                    resolvedAtCommunity++;
                }

                toResolve.Add(Seconds(resolvedAt - fact.SubmittedAt));
            }
            else if (open && fact.ResolveBy is { } by && now > by)
            {
                resolveOverdue++;
            }

            if (fact.Closure == CaseClosure.NoResponse)
            {
                noResponse++;
            }
            else if (fact.Rating is { } rating)
            {
                rated++;
                satisfied += rating == SatisfactionRating.Satisfied ? 1 : 0;
                basically += rating == SatisfactionRating.Basically ? 1 : 0;
            }
        }

        toAcknowledge.Sort();
        toResolve.Sort();
        return new KpiFigures(
            submitted, accepted, acknowledged, acknowledgedOnTime, acknowledgeOverdue,
            resolved, resolvedOnTime, resolveOverdue, resolvedAtCommunity,
            rated, satisfied, basically, noResponse,
            NearestRank(toAcknowledge, 50), NearestRank(toAcknowledge, 90),
            NearestRank(toResolve, 50), NearestRank(toResolve, 90));
    }

    /// <summary>The nearest-rank percentile of sorted values: the value at rank ⌈p/100 · n⌉; null for none.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        // Integer ceiling, so that no rounding of p/100 · n moves the rank.
        var rank = ((percent * sorted.Count) + 99) / 100;
        return sorted[rank - 1];
    }

    /// <summary>The whole buckets that overlap [from, to): from the start of the bucket holding <paramref name="from"/> to the end of the one holding the last instant before <paramref name="to"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(KpiPeriod period, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var start = BucketStart(from, period, zone);
        var end = to <= from ? start : Next(BucketStart(to.AddTicks(-1), period, zone), period, zone);
        return (start, end);
    }

    /// <summary>Local midnight of the day, or of the first of the month, holding <paramref name="at"/>, with the zone's offset.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset at, KpiPeriod period, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var start = period == KpiPeriod.Day ? local.Date : new DateTime(local.Year, local.Month, 1);
        return AtLocal(start, zone);
    }

    private static DateTimeOffset Next(DateTimeOffset bucket, KpiPeriod period, TimeZoneInfo zone) =>
        AtLocal(period == KpiPeriod.Day ? bucket.DateTime.AddDays(1) : bucket.DateTime.AddMonths(1), zone);

    private static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));

    private static IReadOnlyList<KpiGroup> Groups(IReadOnlyList<CaseFact> cases, KpiQuery query, KpiDimension dimension, Func<CaseFact, string?> key, DateTimeOffset now) =>
        !query.Dimensions.Contains(dimension)
            ? []
            : cases.GroupBy(key)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new KpiGroup(g.Key, Figures(g, now)))
                .ToArray();

    /// <summary>The level a case counts at in <c>byLevel</c>: where it was resolved, else where it is now (community, subdistrict, department, leader).</summary>
    public static string HoldingLevel(CaseFact fact) => Refusal.Name(fact.ResolvedAtLevel ?? fact.Level);

    // A clock that ran backwards must not make a negative duration.
    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);
}
