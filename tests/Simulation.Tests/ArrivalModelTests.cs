using Gongzhi.Communities;

namespace Gongzhi.Simulation.Tests;

public sealed class ArrivalModelTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8));

    private static readonly CompoundInfo[] Compounds =
    [
        new("ximen-xiaoqu", "西门小区", "Ximen", ["60", "64"]),
        new("huiqian-xinyuan", "回迁新苑", "Huiqian", ["A", "B"]),
    ];

    private static ArrivalModel Model(SimulationParameters? p = null) => new(p ?? new SimulationParameters(), Start, Zone, Compounds);

    [Fact]
    public void The_same_seed_gives_the_same_month_and_another_seed_another()
    {
        var end = Start.AddDays(7);
        Assert.Equal(Model().Generate(7, end), Model().Generate(7, end));
        Assert.NotEqual(Model().Generate(7, end).Select(a => a.At), Model().Generate(8, end).Select(a => a.At));
    }

    [Fact]
    public void A_month_brings_about_the_configured_rate_plus_the_surge_and_the_grievance()
    {
        var p = new SimulationParameters();
        var arrivals = Model(p).Generate(1, Start.AddDays(30));
        var ordinary = arrivals.Count(a => !a.Collective);
        // 30,000 residents at 20 a month per 1,000 = 600, and heating's surge adds about 8 % × 4 × 6 days' worth.
        Assert.InRange(ordinary, 600, 800);
        Assert.Equal(p.GrievanceCases, arrivals.Count(a => a.Collective));
    }

    [Fact]
    public void Mornings_of_weekdays_bring_more_cases_than_nights_and_sundays()
    {
        var model = Model();
        var tuesday10 = Start.AddDays(15).AddHours(10);
        Assert.True(model.RatePerHour("property", tuesday10) > 5 * model.RatePerHour("property", Start.AddDays(15).AddHours(3)));
        Assert.True(model.RatePerHour("property", tuesday10) > model.RatePerHour("property", Start.AddDays(20).AddHours(10)));
    }

    [Fact]
    public void Heating_surges_at_the_start_of_the_season_and_falls_back()
    {
        var model = Model();
        Assert.Equal(5, model.HeatingFactor(0), 3);
        Assert.True(model.HeatingFactor(20) < 1.2);
        Assert.True(model.RatePerHour("heating", Start.AddHours(10)) > 4 * model.RatePerHour("heating", Start.AddDays(28).AddHours(10)));
    }

    [Fact]
    public void The_collective_grievance_is_heating_in_one_compound_within_its_window()
    {
        var p = new SimulationParameters { GrievanceCompound = "huiqian-xinyuan", GrievanceDay = 2 };
        var grievance = Model(p).Generate(3, Start.AddDays(5)).Where(a => a.Collective).ToList();

        Assert.Equal(p.GrievanceCases, grievance.Count);
        Assert.All(grievance, a => Assert.Equal(("huiqian-xinyuan", "heating"), (a.Compound, a.Category)));
        var from = Start.AddDays(2).AddHours(18);
        Assert.All(grievance, a => Assert.InRange(a.At, from, from + p.GrievanceWindow));
    }
}
