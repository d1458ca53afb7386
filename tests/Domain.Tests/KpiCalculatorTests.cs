using Gongzhi.Cases;
using Gongzhi.Metrics;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class KpiCalculatorTests
{
    private static readonly TimeZoneInfo Shanghai = KpiCalculator.CountyTimeZone;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // 2026-11-27 10:00 in Wenshang.
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(3);

    private static CaseFact Fact(
        string id = "c1",
        DateTimeOffset? submitted = null,
        bool accepted = true,
        double? acknowledgedAfterMinutes = null,
        double? acknowledgeWithinMinutes = 30,
        double? resolvedAfterHours = null,
        double? resolveWithinHours = 24,
        CaseLevel? level = CaseLevel.Community,
        SatisfactionRating? rating = null,
        CaseClosure? closure = null,
        string? cadre = "wang",
        string category = "heating",
        string community = "ximen",
        string subdistrict = "wenshang-subdistrict")
    {
        var at = submitted ?? T0;
        return new CaseFact(id, community, subdistrict, category, CaseKind.Service, cadre, at,
            accepted ? at : null,
            acknowledgedAfterMinutes is { } ack ? at.AddMinutes(ack) : null,
            acknowledgeWithinMinutes is { } ackBy ? at.AddMinutes(ackBy) : null,
            resolvedAfterHours is { } res ? at.AddHours(res) : null,
            resolveWithinHours is { } resBy ? at.AddHours(resBy) : null,
            resolvedAfterHours is null ? null : level,
            rating,
            closure);
    }

    private static KpiFigures Figures(params CaseFact[] facts) => KpiCalculator.Figures(facts, Now);

    [Fact]
    public void Acceptance_rate_is_accepted_over_submitted()
    {
        var figures = Figures(Fact("a"), Fact("b"), Fact("c"), Fact("d", accepted: false));
        Assert.Equal(4, figures.Submitted);
        Assert.Equal(3, figures.Accepted);
        Assert.Equal(0.75, figures.AcceptanceRate);
    }

    [Fact]
    public void On_time_acknowledgement_counts_cases_still_unacknowledged_past_their_deadline_as_late()
    {
        var figures = Figures(
            Fact("on-time", acknowledgedAfterMinutes: 10),
            Fact("on-the-deadline", acknowledgedAfterMinutes: 30),
            Fact("late", acknowledgedAfterMinutes: 31),
            Fact("overdue"),
            Fact("not-yet-due", submitted: Now.AddMinutes(-5)),
            Fact("no-deadline", acknowledgedAfterMinutes: 500, acknowledgeWithinMinutes: null),
            Fact("resolved-unacknowledged", resolvedAfterHours: 1),
            Fact("merged", closure: CaseClosure.Merged));
        Assert.Equal(4, figures.Acknowledged);
        Assert.Equal(3, figures.AcknowledgedOnTime);
        Assert.Equal(1, figures.AcknowledgeOverdue);
        Assert.Equal(3.0 / 5, figures.OnTimeAcknowledgeRate);
    }

    [Fact]
    public void Resolution_rate_is_resolved_over_accepted()
    {
        var figures = Figures(
            Fact("a", acknowledgedAfterMinutes: 5, resolvedAfterHours: 2),
            Fact("b", acknowledgedAfterMinutes: 5, resolvedAfterHours: 3),
            Fact("c", acknowledgedAfterMinutes: 5),
            Fact("d", acknowledgedAfterMinutes: 5),
            Fact("e", accepted: false));
        Assert.Equal(2, figures.Resolved);
        Assert.Equal(4, figures.Accepted);
        Assert.Equal(0.5, figures.ResolutionRate);
    }

    [Fact]
    public void On_time_resolution_counts_open_cases_past_their_deadline_as_late()
    {
        var figures = Figures(
            Fact("on-time", acknowledgedAfterMinutes: 5, resolvedAfterHours: 24),
            Fact("late", acknowledgedAfterMinutes: 5, resolvedAfterHours: 25),
            Fact("overdue", acknowledgedAfterMinutes: 5),
            Fact("not-yet-due", submitted: Now.AddHours(-1), acknowledgedAfterMinutes: 5),
            Fact("closed-without-resolution", closure: CaseClosure.Merged));
        Assert.Equal(2, figures.Resolved);
        Assert.Equal(1, figures.ResolvedOnTime);
        Assert.Equal(1, figures.ResolveOverdue);
        Assert.Equal(1.0 / 3, figures.OnTimeResolutionRate);
    }

    [Fact]
    public void Satisfaction_counts_basically_satisfied_and_leaves_out_closures_without_a_response()
    {
        var figures = Figures(
            Fact("a", resolvedAfterHours: 1, rating: SatisfactionRating.Satisfied, closure: CaseClosure.Rated),
            Fact("b", resolvedAfterHours: 1, rating: SatisfactionRating.Basically, closure: CaseClosure.Rated),
            Fact("c", resolvedAfterHours: 1, rating: SatisfactionRating.Unsatisfied, closure: CaseClosure.Rated),
            Fact("d", resolvedAfterHours: 1, rating: SatisfactionRating.Unsatisfied),
            // A case closed for want of a response is neither rated nor satisfied, whatever default it carries.
            Fact("e", resolvedAfterHours: 1, rating: SatisfactionRating.Satisfied, closure: CaseClosure.NoResponse),
            Fact("f", resolvedAfterHours: 1, closure: CaseClosure.NoResponse),
            Fact("g", resolvedAfterHours: 1));
        Assert.Equal(4, figures.Rated);
        Assert.Equal(1, figures.Satisfied);
        Assert.Equal(1, figures.BasicallySatisfied);
        Assert.Equal(2, figures.NoResponse);
        Assert.Equal(0.5, figures.SatisfactionRate);
    }

    [Fact]
    public void Community_level_share_is_resolved_in_the_community_over_resolved()
    {
        var figures = Figures(
            Fact("a", resolvedAfterHours: 1, level: CaseLevel.Community),
            Fact("b", resolvedAfterHours: 1, level: CaseLevel.Community),
            Fact("c", resolvedAfterHours: 1, level: CaseLevel.Community),
            Fact("d", resolvedAfterHours: 1, level: CaseLevel.Department),
            Fact("e"));
        Assert.Equal(3, figures.ResolvedAtCommunity);
        Assert.Equal(0.75, figures.CommunityLevelShare);
    }

    [Fact]
    public void A_rate_with_nothing_in_its_denominator_is_null_not_zero()
    {
        var none = Figures();
        Assert.Equal(KpiFigures.Empty, none);
        Assert.Null(none.AcceptanceRate);
        Assert.Null(none.OnTimeAcknowledgeRate);
        Assert.Null(none.ResolutionRate);
        Assert.Null(none.OnTimeResolutionRate);
        Assert.Null(none.SatisfactionRate);
        Assert.Null(none.CommunityLevelShare);
        Assert.Null(none.MedianSecondsToAcknowledge);
        Assert.Null(none.P90SecondsToResolve);

        var unrated = Figures(Fact("a", accepted: false, acknowledgeWithinMinutes: null, resolveWithinHours: null));
        Assert.Equal(0.0, unrated.AcceptanceRate);
        Assert.Null(unrated.ResolutionRate);
        Assert.Null(unrated.OnTimeAcknowledgeRate);
        Assert.Null(unrated.SatisfactionRate);
        Assert.Null(unrated.CommunityLevelShare);
    }

    [Theory]
    [InlineData(50, 5)]
    [InlineData(90, 9)]
    [InlineData(91, 10)]
    [InlineData(10, 1)]
    [InlineData(100, 10)]
    public void Percentiles_take_the_nearest_rank(int percent, double expected)
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(expected, KpiCalculator.NearestRank(sorted, percent));
    }

    [Fact]
    public void The_nearest_rank_median_of_an_even_count_is_the_lower_middle_value_never_an_average()
    {
        Assert.Equal(20, KpiCalculator.NearestRank([10, 20, 30, 40], 50));
        Assert.Equal(40, KpiCalculator.NearestRank([10, 20, 30, 40], 90));
        Assert.Equal(7, KpiCalculator.NearestRank([7], 90));
        Assert.Null(KpiCalculator.NearestRank([], 50));
    }

    [Fact]
    public void Times_to_acknowledge_and_resolve_run_from_submission_whatever_order_the_cases_come_in()
    {
        var figures = Figures(
            Fact("a", acknowledgedAfterMinutes: 40, resolvedAfterHours: 4),
            Fact("b", acknowledgedAfterMinutes: 10, resolvedAfterHours: 1),
            Fact("c", acknowledgedAfterMinutes: 30, resolvedAfterHours: 3),
            Fact("d", acknowledgedAfterMinutes: 20),
            Fact("e"));
        Assert.Equal(20 * 60, figures.MedianSecondsToAcknowledge);
        Assert.Equal(40 * 60, figures.P90SecondsToAcknowledge);
        Assert.Equal(3 * 3600, figures.MedianSecondsToResolve);
        Assert.Equal(4 * 3600, figures.P90SecondsToResolve);
    }

    [Fact]
    public void Days_are_counted_in_county_time_across_the_utc_date_line()
    {
        // 15:59 UTC is 23:59 on the 27th in Wenshang; 16:00 UTC is already the 28th there.
        var lateEvening = new DateTimeOffset(2026, 11, 27, 15, 59, 0, TimeSpan.Zero);
        var afterMidnight = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        var query = new KpiQuery("ximen", KpiPeriod.Day, new DateTimeOffset(2026, 11, 27, 0, 0, 0, China), new DateTimeOffset(2026, 11, 29, 0, 0, 0, China), []);

        var report = KpiCalculator.Report([Fact("a", lateEvening), Fact("b", afterMidnight), Fact("c", afterMidnight.AddHours(1))], query, Now, Shanghai);

        Assert.Equal("Asia/Shanghai", report.TimeZone);
        Assert.Equal([new DateTimeOffset(2026, 11, 27, 0, 0, 0, China), new DateTimeOffset(2026, 11, 28, 0, 0, 0, China)], report.Buckets.Select(b => b.Start));
        Assert.Equal(China, report.Buckets[0].Start.Offset);
        Assert.Equal(report.Buckets[1].Start, report.Buckets[0].End);
        Assert.Equal([1, 2], report.Buckets.Select(b => b.Total.Submitted));
        Assert.Equal(3, report.Total.Submitted);
    }

    [Fact]
    public void Months_are_counted_in_county_time_across_the_utc_date_line()
    {
        // 16:30 UTC on 30 November is 00:30 on 1 December in Wenshang.
        var query = new KpiQuery("ximen", KpiPeriod.Month, new DateTimeOffset(2026, 11, 1, 0, 0, 0, China), new DateTimeOffset(2027, 1, 1, 0, 0, 0, China), []);
        var facts = new[]
        {
            Fact("nov", new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero)),
            Fact("dec", new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero)),
            // 31 October 17:00 UTC is already 1 November in Wenshang.
            Fact("nov-first", new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero)),
        };

        var report = KpiCalculator.Report(facts, query, Now, Shanghai);

        Assert.Equal(
            [new DateTimeOffset(2026, 11, 1, 0, 0, 0, China), new DateTimeOffset(2026, 12, 1, 0, 0, 0, China)],
            report.Buckets.Select(b => b.Start));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, China), report.Buckets[1].End);
        Assert.Equal([2, 1], report.Buckets.Select(b => b.Total.Submitted));
    }

    [Fact]
    public void A_report_covers_every_whole_bucket_the_range_touches_and_keeps_the_empty_ones()
    {
        // From 27 Nov 10:00 to 30 Nov 00:00 (county time): the 27th, 28th and 29th; the 30th is not touched.
        var query = new KpiQuery("ximen", KpiPeriod.Day, T0, new DateTimeOffset(2026, 11, 30, 0, 0, 0, China), []);
        var earlyOnThe27th = new DateTimeOffset(2026, 11, 27, 1, 0, 0, China);
        var outside = new DateTimeOffset(2026, 11, 30, 0, 0, 0, China);

        var report = KpiCalculator.Report([Fact("a", earlyOnThe27th), Fact("b", earlyOnThe27th.AddDays(2)), Fact("c", outside)], query, Now, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, China), report.From);
        Assert.Equal(outside, report.To);
        Assert.Equal([1, 0, 1], report.Buckets.Select(b => b.Total.Submitted));
        Assert.Null(report.Buckets[1].Total.AcceptanceRate);
        Assert.Equal(2, report.Total.Submitted);
    }

    [Fact]
    public void Buckets_break_down_by_the_dimensions_asked_for_only()
    {
        var query = new KpiQuery("wenshang", KpiPeriod.Month, T0, T0.AddDays(1), [KpiDimension.Cadre, KpiDimension.Category, KpiDimension.Community]);
        var report = KpiCalculator.Report(
            [
                Fact("a", cadre: "wang", category: "heating"),
                Fact("b", cadre: "li", category: "heating", resolvedAfterHours: 1),
                Fact("c", cadre: "wang", category: "certificates", community: "dongguan"),
                Fact("d", cadre: null, category: "heating", accepted: false),
            ],
            query, Now, Shanghai);

        var bucket = Assert.Single(report.Buckets);
        Assert.Equal([null, "li", "wang"], bucket.ByCadre.Select(g => g.Key));
        Assert.Equal([1, 1, 2], bucket.ByCadre.Select(g => g.Figures.Submitted));
        Assert.Equal(["certificates", "heating"], bucket.ByCategory.Select(g => g.Key));
        Assert.Equal([1, 3], bucket.ByCategory.Select(g => g.Figures.Submitted));
        Assert.Equal(2.0 / 3, bucket.ByCategory[1].Figures.AcceptanceRate);
        Assert.Equal(["dongguan", "ximen"], bucket.ByCommunity.Select(g => g.Key));
        Assert.Empty(bucket.BySubdistrict);
        Assert.Equal(4, bucket.Total.Submitted);
    }

    [Fact]
    public void The_live_summary_holds_today_and_this_month_in_county_time()
    {
        // 1 December 2026 at 01:00 in Wenshang is still 30 November in UTC.
        var now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, China);
        var facts = new[]
        {
            Fact("today", now.AddMinutes(-30)),
            Fact("yesterday", now.AddHours(-2)),
            Fact("next-month", now.AddDays(40)),
        };

        var summary = KpiCalculator.Summary(facts, now, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, China), summary.DayStart);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, China), summary.MonthStart);
        Assert.Equal(1, summary.Today.Submitted);
        Assert.Equal(1, summary.ThisMonth.Submitted);
        Assert.Equal(now, summary.At);
    }
}
