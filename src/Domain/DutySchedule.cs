using Gongzhi.Communities;

namespace Gongzhi.Domain;

/// <summary>Reads weekly local-time shifts as real instants, so the roster knows who is expected on duty now and when that next changes.</summary>
/// <remarks>
/// A shift covers [start, end): on at its start, off at its end. One whose end is not after its start runs
/// overnight into the next day, and its day is the day it starts. Shifts that touch or overlap count as one stretch.
/// </remarks>
public static class DutySchedule
{
    /// <summary>How far ahead <see cref="NextChange"/> looks; a week and a day covers every weekly pattern.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    public static bool IsOnShift(IReadOnlyList<DutyShift> shifts, DateTimeOffset instant, TimeZoneInfo zone) =>
        Stretches(shifts, instant, zone).Any(s => s.Start <= instant && instant < s.End);

    /// <summary>The first instant after <paramref name="instant"/> at which <see cref="IsOnShift"/> flips; null when it does not flip within <see cref="Horizon"/>.</summary>
    public static DateTimeOffset? NextChange(IReadOnlyList<DutyShift> shifts, DateTimeOffset instant, TimeZoneInfo zone)
    {
        foreach (var s in Stretches(shifts, instant, zone))
        {
            var change = s.Start > instant ? s.Start : s.End > instant ? s.End : (DateTimeOffset?)null;
            if (change is { } c)
            {
                return c <= instant + Horizon ? c : null;
            }
        }
        return null;
    }

    /// <summary>How long the shifts have the cadre on duty between two instants at most <see cref="Horizon"/> apart.</summary>
    public static TimeSpan OnShiftBetween(IReadOnlyList<DutyShift> shifts, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) =>
        StretchesFrom(shifts, from, zone).OnShiftUntil(to);

    /// <summary>The shifts read as instants from <paramref name="from"/> on, to ask how long they cover until several later instants.</summary>
    public static ShiftStretches StretchesFrom(IReadOnlyList<DutyShift> shifts, DateTimeOffset from, TimeZoneInfo zone) =>
        new(from, Stretches(shifts, from, zone));

    /// <summary>Merged on-duty stretches, in order, from the day before the instant's local date to past the horizon.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Stretches(IReadOnlyList<DutyShift> shifts, DateTimeOffset instant, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var intervals = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        for (var day = today.AddDays(-1); day <= today.AddDays(Horizon.Days + 1); day = day.AddDays(1))
        {
            var iso = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
            foreach (var shift in shifts.Where(s => s.Days.Contains(iso)))
            {
                var endDay = shift.End <= shift.Start ? day.AddDays(1) : day;
                intervals.Add((Local(day, shift.Start, zone), Local(endDay, shift.End, zone)));
            }
        }

        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var next in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && next.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, next.End > merged[^1].End ? next.End : merged[^1].End);
            }
            else
            {
                merged.Add(next);
            }
        }
        return merged;
    }

    /// <summary>A local wall-clock time as an instant; in a daylight-saving gap or overlap this takes the zone's standard offset.</summary>
    private static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
