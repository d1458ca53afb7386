using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class SlaPolicyTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly CommunityInfo Ximen = new("ximen", "西门社区", "Ximen", "wenshang-sd", "wenshang", [], [])
    {
        SlaClasses =
        [
            new("urgent", TimeSpan.FromMinutes(15), TimeSpan.FromHours(2)),
            new("utilities", TimeSpan.FromMinutes(30), TimeSpan.FromHours(24)),
            new("general", TimeSpan.FromHours(2), TimeSpan.FromDays(7)),
            new("complex", TimeSpan.FromHours(4), TimeSpan.FromDays(15)),
        ],
    };

    private static CategoryInfo Category(string slaClass, string? department = null) =>
        new("cat", "类别", "Category", HandlingMode.DoItNow) { SlaClass = slaClass, DepartmentId = department };

    [Theory]
    [InlineData("urgent", 2)]
    [InlineData("utilities", 24)]
    [InlineData("general", 7 * 24)]
    [InlineData("complex", 15 * 24)]
    public void A_case_must_be_resolved_within_its_class_time(string slaClass, int hours)
    {
        var terms = SlaPolicy.TermsFor(Ximen, Category(slaClass), CaseKind.Grievance);

        Assert.Equal(TimeSpan.FromHours(hours), terms.ResolveWithin);
        Assert.Equal(Submitted.AddHours(hours), SlaPolicy.Due(Submitted, terms.ResolveWithin));
    }

    [Fact]
    public void An_urgent_case_must_be_acknowledged_within_its_class_time()
    {
        var terms = SlaPolicy.TermsFor(Ximen, Category("urgent"), CaseKind.Service);

        Assert.Equal(TimeSpan.FromMinutes(15), terms.AcknowledgeWithin);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 45, 0, TimeSpan.FromHours(8)), SlaPolicy.Due(Submitted, terms.AcknowledgeWithin));
    }

    [Fact]
    public void Terms_carry_the_ladder_above_the_community_and_the_category_offer_window()
    {
        var category = Category("general", department: "housing") with { OfferWindow = TimeSpan.FromMinutes(5) };

        var terms = SlaPolicy.TermsFor(Ximen, category, CaseKind.Grievance);

        Assert.Equal(
            new CaseTerms("wenshang-sd", "wenshang", "housing", TimeSpan.FromHours(2), TimeSpan.FromDays(7), TimeSpan.FromMinutes(5)),
            terms);
    }

    [Fact]
    public void A_category_without_a_department_leaves_the_department_empty()
    {
        Assert.Null(SlaPolicy.TermsFor(Ximen, Category("general"), CaseKind.Grievance).DepartmentId);
    }

    [Fact]
    public void A_per_kind_class_overrides_the_category_class_for_that_kind_only()
    {
        var planning = Category("general") with
        {
            SlaClassByKind = new Dictionary<CaseKind, string> { [CaseKind.Suggestion] = "complex" },
        };

        Assert.Equal(TimeSpan.FromDays(15), SlaPolicy.TermsFor(Ximen, planning, CaseKind.Suggestion).ResolveWithin);
        Assert.Equal(TimeSpan.FromDays(7), SlaPolicy.TermsFor(Ximen, planning, CaseKind.Grievance).ResolveWithin);
    }

    [Fact]
    public void A_class_the_community_does_not_define_is_a_data_error_naming_the_class()
    {
        var ex = Assert.Throws<InvalidDataException>(() => SlaPolicy.TermsFor(Ximen, Category("overnight"), CaseKind.Service));

        Assert.Contains("overnight", ex.Message);
    }

    [Fact]
    public void A_missing_per_kind_class_is_reported_even_when_the_default_class_exists()
    {
        var category = Category("general") with
        {
            SlaClassByKind = new Dictionary<CaseKind, string> { [CaseKind.Service] = "express" },
        };

        var ex = Assert.Throws<InvalidDataException>(() => SlaPolicy.TermsFor(Ximen, category, CaseKind.Service));

        Assert.Contains("express", ex.Message);
    }

    [Fact]
    public void Time_remaining_counts_down_to_the_deadline()
    {
        var due = SlaPolicy.Due(Submitted, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromMinutes(90), SlaPolicy.Remaining(due, Submitted.AddMinutes(30)));
        Assert.Equal(TimeSpan.Zero, SlaPolicy.Remaining(due, due));
    }

    [Fact]
    public void An_overdue_case_has_negative_time_remaining()
    {
        var due = SlaPolicy.Due(Submitted, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromMinutes(-45), SlaPolicy.Remaining(due, due.AddMinutes(45)));
    }

    [Fact]
    public void Remaining_time_does_not_depend_on_the_offset_the_clock_reads_in()
    {
        var due = SlaPolicy.Due(Submitted, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromHours(1), SlaPolicy.Remaining(due, new DateTimeOffset(2026, 11, 23, 2, 30, 0, TimeSpan.Zero)));
    }
}
