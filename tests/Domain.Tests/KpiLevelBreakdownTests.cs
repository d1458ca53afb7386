using Gongzhi.Cases;
using Gongzhi.Domain;
using Gongzhi.Metrics;

namespace Gongzhi.Domain.Tests;

/// <summary>The officials' breakdowns of a KPI report (docs/kpis.md): by the level holding a case, and by its department.</summary>
public sealed class KpiLevelBreakdownTests
{
    // 2026-11-27 10:00 in Wenshang.
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static CaseFact Fact(string id, CaseLevel level, CaseLevel? resolvedAt, string? department) =>
        new(id, "ximen", "wenshang-subdistrict", "heating", CaseKind.Grievance, "wang", T0, T0, null, null,
            resolvedAt is null ? null : T0.AddHours(2), null, resolvedAt, null, null, Seq: 3, Level: level, DepartmentId: department);

    private static readonly CaseFact[] Facts =
    [
        Fact("at-community", CaseLevel.Community, CaseLevel.Community, "heating"),
        Fact("open-at-department", CaseLevel.Department, null, "heating"),
        Fact("resolved-by-leader", CaseLevel.Leader, CaseLevel.Leader, "heating"),
        // Resolved at the sub-district, then reopened and handed down: it counts where it was resolved.
        Fact("resolved-at-subdistrict", CaseLevel.Community, CaseLevel.Subdistrict, null),
    ];

    private static KpiReport Report(string? department = null, params KpiDimension[] by) =>
        KpiCalculator.Report(Facts, new KpiQuery("wenshang", KpiPeriod.Day, T0, T0.AddHours(1), by, department), T0.AddDays(1), KpiCalculator.CountyTimeZone);

    [Fact]
    public void A_case_counts_at_the_level_it_was_resolved_at_else_at_the_level_holding_it()
    {
        var byLevel = Report(by: KpiDimension.Level).Buckets.Single().ByLevel;

        Assert.Equal(
            [("community", 1, 1), ("department", 1, 0), ("leader", 1, 1), ("subdistrict", 1, 1)],
            byLevel.Select(g => (g.Key, g.Figures.Submitted, g.Figures.Resolved)));
    }

    [Fact]
    public void Cases_are_grouped_by_their_category_s_department_and_a_department_s_report_counts_only_its_own()
    {
        var all = Report(by: KpiDimension.Department).Buckets.Single().ByDepartment;
        var heating = Report("heating", KpiDimension.Department);

        Assert.Equal([(null, 1), ("heating", 3)], all.Select(g => (g.Key, g.Figures.Submitted)));
        Assert.Equal(3, heating.Total.Submitted);
        Assert.Equal(2, heating.Total.Resolved);
    }

    [Fact]
    public void Breakdowns_not_asked_for_are_empty()
    {
        var bucket = Report(by: KpiDimension.Community).Buckets.Single();

        Assert.Empty(bucket.ByLevel);
        Assert.Empty(bucket.ByDepartment);
    }
}
