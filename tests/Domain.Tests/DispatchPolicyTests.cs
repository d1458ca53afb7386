using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class DispatchPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static DispatchCandidate Cadre(string id, int load, bool onDuty = true, DateTimeOffset? last = null, params string[] categories) =>
        new(id, categories.Length == 0 ? ["heating"] : categories, onDuty, load, last);

    [Fact]
    public void The_least_loaded_matching_cadre_on_duty_gets_the_case()
    {
        var chosen = DispatchPolicy.Choose([Cadre("a", 3), Cadre("b", 1), Cadre("c", 2)], "heating");
        Assert.Equal("b", chosen?.Id);
    }

    [Fact]
    public void Cadres_off_duty_or_of_other_categories_are_passed_over()
    {
        var chosen = DispatchPolicy.Choose(
            [Cadre("off", 0, onDuty: false), Cadre("other", 0, true, null, "certificates"), Cadre("busy", 5)], "heating");
        Assert.Equal("busy", chosen?.Id);
    }

    [Fact]
    public void Nobody_matching_on_duty_means_no_choice()
    {
        Assert.Null(DispatchPolicy.Choose([Cadre("off", 0, onDuty: false), Cadre("other", 0, true, null, "certificates")], "heating"));
    }

    [Fact]
    public void Among_equal_loads_the_cadre_idle_longest_goes_first()
    {
        var chosen = DispatchPolicy.Choose([Cadre("recent", 1, true, T0.AddMinutes(5)), Cadre("earlier", 1, true, T0)], "heating");
        Assert.Equal("earlier", chosen?.Id);
    }
}
