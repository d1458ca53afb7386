using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class DispatchPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly IDispatchPolicy Default = new DispatchPolicy();

    private static DispatchCandidate Cadre(string id, int load, bool onDuty = true, DateTimeOffset? last = null, params string[] categories) =>
        new(id, categories.Length == 0 ? ["heating"] : categories, onDuty, load, last);

    [Fact]
    public void The_least_loaded_matching_cadre_on_duty_gets_the_case()
    {
        var chosen = Default.Choose([Cadre("a", 3), Cadre("b", 1), Cadre("c", 2)], "heating", T0);
        Assert.Equal("b", chosen?.Id);
    }

    [Fact]
    public void Cadres_off_duty_or_of_other_categories_are_passed_over()
    {
        var chosen = Default.Choose(
            [Cadre("off", 0, onDuty: false), Cadre("other", 0, true, null, "certificates"), Cadre("busy", 5)], "heating", T0);
        Assert.Equal("busy", chosen?.Id);
    }

    [Fact]
    public void Nobody_matching_on_duty_means_no_choice()
    {
        foreach (var name in DispatchPolicies.Names)
        {
            Assert.Null(DispatchPolicies.Find(name)!.Choose([Cadre("off", 0, onDuty: false), Cadre("other", 0, true, null, "certificates")], "heating", T0));
        }
    }

    [Fact]
    public void Among_equal_loads_the_cadre_idle_longest_goes_first()
    {
        var chosen = Default.Choose([Cadre("recent", 1, true, T0.AddMinutes(5)), Cadre("earlier", 1, true, T0)], "heating", T0);
        Assert.Equal("earlier", chosen?.Id);
    }

    [Fact]
    public void Shift_end_aware_passes_over_a_cadre_leaving_within_ten_minutes_for_one_who_stays()
    {
        var leaving = Cadre("leaving", 0) with { ShiftEndsAt = T0.AddMinutes(5) };
        var staying = Cadre("staying", 3) with { ShiftEndsAt = T0.AddHours(4) };

        Assert.Equal("leaving", Default.Choose([leaving, staying], "heating", T0)?.Id);
        Assert.Equal("staying", new ShiftEndAwarePolicy().Choose([leaving, staying], "heating", T0)?.Id);
    }

    [Fact]
    public void Shift_end_aware_still_gives_the_case_to_a_leaving_cadre_when_nobody_stays()
    {
        var leaving = Cadre("leaving", 2) with { ShiftEndsAt = T0.AddMinutes(5) };
        var alsoLeaving = Cadre("also-leaving", 1) with { ShiftEndsAt = T0.AddMinutes(9) };

        Assert.Equal("also-leaving", new ShiftEndAwarePolicy().Choose([leaving, alsoLeaving, Cadre("off", 0, onDuty: false)], "heating", T0)?.Id);
    }

    [Fact]
    public void Shift_end_aware_counts_a_cadre_on_duty_by_hand_off_shift_as_staying()
    {
        var leaving = Cadre("leaving", 0) with { ShiftEndsAt = T0.AddMinutes(10) };
        var byHand = Cadre("by-hand", 4);

        Assert.Equal("by-hand", new ShiftEndAwarePolicy().Choose([leaving, byHand], "heating", T0)?.Id);
    }

    [Fact]
    public void Specialist_first_gives_the_case_to_the_cadre_of_fewest_categories_even_if_busier()
    {
        var generalist = Cadre("generalist", 0, true, null, "heating", "property", "environment");
        var specialist = Cadre("specialist", 2, true, null, "heating");
        var idleSpecialist = Cadre("idle-specialist", 1, true, null, "heating", "water-power");

        Assert.Equal("generalist", Default.Choose([generalist, specialist, idleSpecialist], "heating", T0)?.Id);
        Assert.Equal("specialist", new SpecialistFirstPolicy().Choose([generalist, specialist, idleSpecialist], "heating", T0)?.Id);
    }

    [Fact]
    public void Policies_are_found_by_their_configured_names_and_an_unknown_name_finds_none()
    {
        Assert.Equal(["least-loaded", "shift-end-aware", "specialist-first", "fair-share"], DispatchPolicies.Names);
        Assert.IsType<ShiftEndAwarePolicy>(DispatchPolicies.Find("Shift-End-Aware"));
        Assert.Null(DispatchPolicies.Find("nearest"));
    }
}
