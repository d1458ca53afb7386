namespace Gongzhi.Simulation.Tests;

public sealed class DutyLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Hours_on_duty_add_up_the_stretches_and_count_an_open_one_to_the_end()
    {
        var duty = new DutyLog();
        duty.Set("wang", true, T0);
        duty.Set("wang", false, T0.AddHours(10));
        duty.Set("wang", true, T0.AddDays(1));

        Assert.Equal(12, duty.Hours("wang", T0.AddDays(1).AddHours(2)), 9);
        Assert.Equal(0, duty.Hours("nobody", T0.AddDays(1)));
    }

    [Fact]
    public void A_stretch_covers_its_start_but_not_its_end_and_repeated_switches_change_nothing()
    {
        var duty = new DutyLog();
        duty.Set("wang", true, T0);
        duty.Set("wang", true, T0.AddHours(1));
        duty.Set("wang", false, T0.AddHours(10));

        Assert.True(duty.WasOnDuty("wang", T0));
        Assert.True(duty.WasOnDuty("wang", T0.AddHours(9.99)));
        Assert.False(duty.WasOnDuty("wang", T0.AddHours(10)));
        Assert.False(duty.IsOnDuty("wang"));
        Assert.Equal(10, duty.Hours("wang", T0.AddDays(2)), 9);
    }
}
