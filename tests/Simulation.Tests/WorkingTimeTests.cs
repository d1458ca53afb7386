using Gongzhi.Communities;

namespace Gongzhi.Simulation.Tests;

public sealed class WorkingTimeTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DutyShift[] Weekdays = [new([1, 2, 3, 4, 5], new TimeOnly(8, 0), new TimeOnly(18, 0))];

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Work_that_fits_in_the_shift_ends_after_its_duration()
    {
        Assert.Equal(Local(17, 10, 45), WorkingTime.Finish(Weekdays, Zone, Local(17, 10), TimeSpan.FromMinutes(45)));
    }

    [Fact]
    public void Work_left_at_the_end_of_a_shift_goes_on_at_the_next_one()
    {
        Assert.Equal(Local(18, 8, 30), WorkingTime.Finish(Weekdays, Zone, Local(17, 17, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Work_left_on_a_friday_goes_on_on_monday_and_work_started_off_shift_waits_for_it()
    {
        Assert.Equal(Local(23, 9, 0), WorkingTime.Finish(Weekdays, Zone, Local(20, 17, 0), TimeSpan.FromHours(2)));
        Assert.Equal(Local(23, 8, 15), WorkingTime.Finish(Weekdays, Zone, Local(21, 11, 0), TimeSpan.FromMinutes(15)));
    }
}
