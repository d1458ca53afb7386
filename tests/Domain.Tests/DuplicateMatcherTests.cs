using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class DuplicateMatcherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly OpenCaseEntry NoHeatIn64 = new("new", "heating", "jishikou", "64", T0);

    private static OpenCaseEntry Open(
        string id, string category = "heating", string compound = "jishikou", string? building = "64", double hoursFromNew = -1) =>
        new(id, category, compound, building, T0.AddHours(hoursFromNew));

    [Fact]
    public void The_same_complaint_from_the_same_building_is_a_likely_duplicate()
    {
        Assert.Equal(["a"], DuplicateMatcher.Find(NoHeatIn64, [Open("a")]));
    }

    [Fact]
    public void A_complaint_of_another_category_is_not_a_duplicate()
    {
        Assert.Empty(DuplicateMatcher.Find(NoHeatIn64, [Open("a", category: "noise")]));
    }

    [Fact]
    public void A_complaint_from_another_compound_is_not_a_duplicate()
    {
        Assert.Empty(DuplicateMatcher.Find(NoHeatIn64, [Open("a", compound: "ximen-garden")]));
    }

    [Fact]
    public void A_complaint_from_another_building_of_the_compound_is_not_a_duplicate()
    {
        Assert.Empty(DuplicateMatcher.Find(NoHeatIn64, [Open("a", building: "65")]));
    }

    [Fact]
    public void Without_a_building_on_either_side_the_same_compound_is_enough()
    {
        Assert.Equal(["a"], DuplicateMatcher.Find(NoHeatIn64, [Open("a", building: null)]));
        Assert.Equal(["a"], DuplicateMatcher.Find(NoHeatIn64 with { Building = null }, [Open("a", building: "65")]));
        Assert.Equal(["a"], DuplicateMatcher.Find(NoHeatIn64 with { Building = null }, [Open("a", building: null)]));
    }

    [Fact]
    public void A_complaint_more_than_48_hours_before_or_after_is_not_a_duplicate()
    {
        var open = new[] { Open("early", hoursFromNew: -48.01), Open("late", hoursFromNew: 48.01) };

        Assert.Empty(DuplicateMatcher.Find(NoHeatIn64, open));
    }

    [Fact]
    public void A_complaint_exactly_48_hours_away_still_counts()
    {
        var open = new[] { Open("early", hoursFromNew: -48), Open("late", hoursFromNew: 48) };

        Assert.Equal(2, DuplicateMatcher.Find(NoHeatIn64, open).Count);
    }

    [Fact]
    public void A_narrower_window_can_be_asked_for()
    {
        var open = new[] { Open("hour", hoursFromNew: -1), Open("day", hoursFromNew: -24) };

        Assert.Equal(["hour"], DuplicateMatcher.Find(NoHeatIn64, open, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_case_is_never_its_own_duplicate()
    {
        var itself = NoHeatIn64;

        Assert.Equal(["a"], DuplicateMatcher.Find(NoHeatIn64, [itself, Open("a")]));
    }

    [Fact]
    public void The_closest_in_time_comes_first_whether_before_or_after()
    {
        var open = new[]
        {
            Open("day-before", hoursFromNew: -24),
            Open("hour-after", hoursFromNew: 1),
            Open("two-hours-before", hoursFromNew: -2),
            Open("other-category", category: "noise", hoursFromNew: 0.5),
        };

        Assert.Equal(["hour-after", "two-hours-before", "day-before"], DuplicateMatcher.Find(NoHeatIn64, open));
    }

    [Fact]
    public void Equally_close_cases_come_in_the_order_of_their_ids()
    {
        var open = new[] { Open("b", hoursFromNew: 3), Open("a", hoursFromNew: -3) };

        Assert.Equal(["a", "b"], DuplicateMatcher.Find(NoHeatIn64, open));
    }

    [Fact]
    public void No_open_cases_means_no_duplicates()
    {
        Assert.Empty(DuplicateMatcher.Find(NoHeatIn64, []));
    }

    [Fact]
    public void In_a_surge_only_the_few_nearest_in_time_are_listed()
    {
        var open = Enumerable.Range(1, 200).Select(i => Open($"c{i:D3}", hoursFromNew: -i / 10d)).ToArray();

        Assert.Equal(["c001", "c002", "c003", "c004", "c005"], DuplicateMatcher.Find(NoHeatIn64, open));
    }
}
