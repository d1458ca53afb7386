using Gongzhi.Communities;
using Gongzhi.Silo.Grains;

namespace Gongzhi.Silo.Tests;

public sealed class CadreSlotTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly DutyShift WeekdayDays = new([1, 2, 3, 4, 5], new(8, 30), new(17, 30));

    // Monday 23 November 2026, Shanghai.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    private static CadreProfile Profile(params DutyShift[] shifts) => new("li", "李建国", ["heating"], shifts, OnDutyAtStart: false);

    [Fact]
    public void Hours_on_shift_follow_the_instants_asked_and_a_changed_profile()
    {
        var slot = new CadreSlot { Profile = Profile(WeekdayDays) };

        Assert.Equal(TimeSpan.FromHours(9), slot.OnShiftBetween(Monday, Monday.AddDays(1), Shanghai));
        Assert.Equal(TimeSpan.FromHours(45), slot.OnShiftBetween(Monday, Monday.AddDays(7), Shanghai));
        // The next day's window: Tuesday to Tuesday.
        Assert.Equal(TimeSpan.FromHours(45), slot.OnShiftBetween(Monday.AddDays(1), Monday.AddDays(8), Shanghai));

        // An admin moves the cadre to weekends: the hours follow at once.
        slot.Profile = Profile(new DutyShift([6, 7], new(8, 0), new(18, 0)));
        Assert.Equal(TimeSpan.FromHours(20), slot.OnShiftBetween(Monday.AddDays(1), Monday.AddDays(8), Shanghai));

        // Read in another zone (a community's own), the same shifts fall elsewhere: Tuesday to Sunday noon in Shanghai
        // holds Saturday's 10 hours and Sunday's 4; in UTC Sunday's shift starts after Sunday noon in Shanghai.
        var sundayNoon = Monday.AddDays(6).AddHours(12);
        Assert.Equal(TimeSpan.FromHours(14), slot.OnShiftBetween(Monday.AddDays(1), sundayNoon, Shanghai));
        Assert.Equal(TimeSpan.FromHours(10), slot.OnShiftBetween(Monday.AddDays(1), sundayNoon, TimeZoneInfo.Utc));
    }
}
