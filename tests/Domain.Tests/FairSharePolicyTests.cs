using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class FairSharePolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly IDispatchPolicy Policy = new FairSharePolicy();

    private static DispatchCandidate Cadre(string id, int load, int given, double hours, bool onDuty = true, DateTimeOffset? last = null, params string[] categories) =>
        new(id, categories.Length == 0 ? ["heating"] : categories, onDuty, load, last, null, given, hours);

    [Fact]
    public void It_is_one_of_the_policies_configuration_can_pick_and_keeps_a_tally()
    {
        Assert.Contains(FairSharePolicy.Key, DispatchPolicies.Names);
        Assert.Same(typeof(FairSharePolicy), DispatchPolicies.Find("fair-share")?.GetType());
        Assert.True(Policy.KeepsTally);
        Assert.False(((IDispatchPolicy)new DispatchPolicy()).KeepsTally);
    }

    [Fact]
    public void The_cadre_furthest_below_their_share_per_hour_on_duty_gets_the_case_even_when_more_loaded()
    {
        // The generalist: 20 cases in 50 h (0.4 an hour), nothing open. The long-shift cadre: 20 in 84 h (0.24), 3 open.
        var generalist = Cadre("generalist", 0, 20, 50);
        var longShifts = Cadre("long-shifts", 3, 20, 84);

        Assert.Equal("generalist", new DispatchPolicy().Choose([generalist, longShifts], "heating", T0)?.Id);
        Assert.Equal("long-shifts", Policy.Choose([generalist, longShifts], "heating", T0)?.Id);
    }

    [Fact]
    public void Equal_shares_fall_back_to_the_least_loaded_then_the_longest_idle()
    {
        Assert.Equal("b", Policy.Choose([Cadre("a", 2, 10, 40), Cadre("b", 1, 5, 20)], "heating", T0)?.Id);
        Assert.Equal("earlier", Policy.Choose([Cadre("recent", 1, 0, 40, true, T0.AddMinutes(5)), Cadre("earlier", 1, 0, 10, true, T0)], "heating", T0)?.Id);
    }

    [Fact]
    public void Only_cadres_on_duty_who_take_the_category_are_weighed()
    {
        var chosen = Policy.Choose(
            [Cadre("off", 0, 0, 50, onDuty: false), Cadre("other", 0, 0, 50, true, null, "certificates"), Cadre("busy", 7, 30, 50)], "heating", T0);
        Assert.Equal("busy", chosen?.Id);
    }

    [Fact]
    public void A_cadre_on_duty_with_no_shift_hours_in_the_window_is_judged_as_if_on_duty_for_an_hour()
    {
        // On duty by hand only: no shift hours. One case already makes them the busiest per hour, not a division by zero.
        Assert.Equal("rostered", Policy.Choose([Cadre("by-hand", 0, 1, 0), Cadre("rostered", 0, 30, 50)], "heating", T0)?.Id);
        Assert.Equal("by-hand", Policy.Choose([Cadre("by-hand", 0, 0, 0), Cadre("rostered", 0, 30, 50)], "heating", T0)?.Id);
    }
}
