using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Silo.Tests;

/// <summary>Sets a test's start explicitly where a rule turns on the county's wall clock (duty shifts, local midnight).</summary>
public static class CountyClock
{
    /// <summary>The test community's time zone (<see cref="Gongzhi.Communities.CommunityInfo"/>'s default).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Moves the clock forward to the first instant from now on when the county's clocks show <paramref name="at"/>, on <paramref name="day"/> if given.</summary>
    public static DateTimeOffset AdvanceToNext(this FakeTimeProvider time, TimeOnly at, DayOfWeek? day = null)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);
        var next = local.Date + at.ToTimeSpan();
        while (next < local.DateTime || (day is { } d && next.DayOfWeek != d))
        {
            next = next.AddDays(1);
        }

        var instant = new DateTimeOffset(next, Zone.GetUtcOffset(next));
        time.SetUtcNow(instant);
        return instant;
    }
}
