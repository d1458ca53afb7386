using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class DutyScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly DutyShift WeekdayDays = new([1, 2, 3, 4, 5], new(8, 30), new(17, 30));
    private static readonly DutyShift WeekendDays = new([6, 7], new(8, 0), new(18, 0));
    private static readonly DutyShift NightsEveryDay = new([1, 2, 3, 4, 5, 6, 7], new(19, 0), new(7, 0));

    /// <summary>Shanghai wall-clock time in the week of Monday 23 November 2026 (23 = Monday … 29 = Sunday, 30 = Monday).</summary>
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static bool On(DateTimeOffset instant, params DutyShift[] shifts) => DutySchedule.IsOnShift(shifts, instant, Shanghai);

    private static DateTimeOffset? Next(DateTimeOffset instant, params DutyShift[] shifts) => DutySchedule.NextChange(shifts, instant, Shanghai);

    [Fact]
    public void A_weekday_cadre_is_on_duty_during_office_hours_and_off_outside_them()
    {
        Assert.True(On(At(25, 10), WeekdayDays));
        Assert.False(On(At(25, 7), WeekdayDays));
        Assert.False(On(At(25, 20), WeekdayDays));
    }

    [Fact]
    public void A_shift_starts_on_the_minute_and_ends_on_the_minute()
    {
        Assert.True(On(At(25, 8, 30), WeekdayDays));
        Assert.False(On(At(25, 8, 29), WeekdayDays));
        Assert.True(On(At(25, 17, 29), WeekdayDays));
        Assert.False(On(At(25, 17, 30), WeekdayDays));
    }

    [Fact]
    public void A_weekday_cadre_is_off_at_the_weekend_and_a_weekend_cadre_is_on()
    {
        Assert.False(On(At(28, 10), WeekdayDays));
        Assert.False(On(At(29, 10), WeekdayDays));
        Assert.True(On(At(28, 10), WeekendDays));
        Assert.True(On(At(29, 10), WeekendDays));
        Assert.False(On(At(27, 10), WeekendDays));
    }

    [Fact]
    public void A_night_shift_runs_across_midnight_into_the_next_morning()
    {
        var mondayNight = new DutyShift([1], new(19, 0), new(7, 0));

        Assert.True(On(At(23, 23), mondayNight));
        Assert.True(On(At(24, 0), mondayNight));
        Assert.True(On(At(24, 6, 59), mondayNight));
        Assert.False(On(At(24, 7), mondayNight));
        Assert.False(On(At(23, 6), mondayNight));
        Assert.False(On(At(24, 20), mondayNight));
    }

    [Fact]
    public void A_sunday_night_shift_runs_into_monday_morning()
    {
        var sundayNight = new DutyShift([7], new(22, 0), new(6, 0));

        Assert.True(On(At(30, 3), sundayNight));
        Assert.True(On(At(23, 3), sundayNight));
        Assert.False(On(At(29, 3), sundayNight));
        Assert.Equal(At(30, 6), Next(At(30, 3), sundayNight));
        Assert.Equal(At(29, 22), Next(At(28, 12), sundayNight));
    }

    [Fact]
    public void A_shift_that_ends_when_it_starts_lasts_a_whole_day()
    {
        var allTuesday = new DutyShift([2], new(0, 0), new(0, 0));

        Assert.True(On(At(24, 0), allTuesday));
        Assert.True(On(At(24, 23, 59), allTuesday));
        Assert.False(On(At(25, 0), allTuesday));
        Assert.Equal(At(25, 0), Next(At(24, 12), allTuesday));
    }

    [Fact]
    public void Nobody_is_on_duty_without_shifts_and_nothing_ever_changes()
    {
        Assert.False(On(At(25, 10)));
        Assert.Null(Next(At(25, 10)));
    }

    [Fact]
    public void The_next_change_of_an_on_duty_cadre_is_the_end_of_their_shift()
    {
        Assert.Equal(At(25, 17, 30), Next(At(25, 10), WeekdayDays));
    }

    [Fact]
    public void The_next_change_of_an_off_duty_cadre_is_the_start_of_their_next_shift()
    {
        Assert.Equal(At(25, 8, 30), Next(At(25, 6), WeekdayDays));
        Assert.Equal(At(26, 8, 30), Next(At(25, 20), WeekdayDays));
    }

    [Fact]
    public void On_a_boundary_the_next_change_is_the_following_boundary()
    {
        Assert.Equal(At(25, 17, 30), Next(At(25, 8, 30), WeekdayDays));
        Assert.Equal(At(26, 8, 30), Next(At(25, 17, 30), WeekdayDays));
    }

    [Fact]
    public void After_friday_the_next_weekday_shift_is_on_monday()
    {
        Assert.Equal(At(30, 8, 30), Next(At(27, 17, 30), WeekdayDays));
    }

    [Fact]
    public void The_next_change_of_a_night_shift_crosses_midnight()
    {
        Assert.Equal(At(24, 7), Next(At(23, 23), NightsEveryDay));
        Assert.Equal(At(24, 19), Next(At(24, 7), NightsEveryDay));
    }

    [Fact]
    public void Shifts_that_touch_make_one_stretch_of_duty()
    {
        var days = new DutyShift([1], new(7, 0), new(19, 0));

        Assert.Equal(At(24, 7), Next(At(23, 10), days, NightsEveryDay));
        Assert.True(On(At(23, 19), days, NightsEveryDay));
    }

    [Fact]
    public void Round_the_clock_duty_never_changes()
    {
        var days = new DutyShift([1, 2, 3, 4, 5, 6, 7], new(7, 0), new(19, 0));

        Assert.True(On(At(25, 3), days, NightsEveryDay));
        Assert.Null(Next(At(25, 3), days, NightsEveryDay));
    }

    [Fact]
    public void A_shift_a_week_away_is_still_found()
    {
        var saturdayMorning = new DutyShift([6], new(9, 0), new(12, 0));

        Assert.Equal(At(28, 9), Next(At(21, 12), saturdayMorning));
    }

    [Fact]
    public void A_utc_instant_is_read_in_shanghai_time()
    {
        var mondayMorningUtc = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var fridayAfternoonUtc = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        var sundayNightUtc = new DateTimeOffset(2026, 11, 22, 23, 45, 0, TimeSpan.Zero);

        Assert.True(On(mondayMorningUtc, WeekdayDays));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), Next(mondayMorningUtc, WeekdayDays));
        Assert.False(On(fridayAfternoonUtc, WeekdayDays));
        Assert.False(On(sundayNightUtc, WeekdayDays));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero), Next(sundayNightUtc, WeekdayDays));
    }

    [Fact]
    public void Shift_hours_stay_on_the_local_clock_across_a_daylight_saving_change()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var fridayEvening = new DateTimeOffset(2026, 3, 27, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero),
            DutySchedule.NextChange([WeekdayDays], fridayEvening, berlin));
    }

    [Fact]
    public void Hours_on_shift_in_a_week_are_the_weekly_hours_whatever_day_the_week_starts()
    {
        Assert.Equal(TimeSpan.FromHours(45), DutySchedule.OnShiftBetween([WeekdayDays], At(23, 0), At(30, 0), Shanghai));
        Assert.Equal(TimeSpan.FromHours(45), DutySchedule.OnShiftBetween([WeekdayDays], At(26, 12), At(26, 12).AddDays(7), Shanghai));
        Assert.Equal(TimeSpan.FromHours(84), DutySchedule.OnShiftBetween([NightsEveryDay], At(24, 3), At(24, 3).AddDays(7), Shanghai));
    }

    [Fact]
    public void Hours_on_shift_count_only_the_part_of_a_shift_inside_the_span()
    {
        // Wednesday 10:00 to Thursday 10:00: Wednesday 10:00–17:30 and Thursday 08:30–10:00.
        Assert.Equal(TimeSpan.FromHours(9), DutySchedule.OnShiftBetween([WeekdayDays], At(25, 10), At(26, 10), Shanghai));
        Assert.Equal(TimeSpan.Zero, DutySchedule.OnShiftBetween([WeekendDays], At(23, 0), At(28, 0), Shanghai));
        Assert.Equal(TimeSpan.Zero, DutySchedule.OnShiftBetween([], At(23, 0), At(30, 0), Shanghai));
    }

    [Fact]
    public void Stretches_read_once_from_an_instant_answer_for_every_later_instant_of_the_week()
    {
        var kept = DutySchedule.StretchesFrom([WeekdayDays, NightsEveryDay], At(23, 0), Shanghai);

        // Monday 00:00 to Wednesday 12:00: two weekdays and a half morning, and the nights (Sunday's ends Monday 07:00).
        Assert.Equal(TimeSpan.FromHours(7 + 9 + 9 + 3.5 + 12 + 12), kept.OnShiftUntil(At(25, 12)));
        Assert.Equal(TimeSpan.FromHours(45 + 84), kept.OnShiftUntil(At(30, 0)));
        Assert.Equal(TimeSpan.Zero, kept.OnShiftUntil(At(23, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => kept.OnShiftUntil(At(23, 0) + DutySchedule.Horizon + TimeSpan.FromMinutes(1)));
    }
}
