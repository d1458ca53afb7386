using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Simulation;

/// <summary>Work done only while on shift: a job of so many working hours started at an instant ends when that much shift time has passed.</summary>
public static class WorkingTime
{
    public static DateTimeOffset Finish(IReadOnlyList<DutyShift> shifts, TimeZoneInfo zone, DateTimeOffset start, TimeSpan work)
    {
        var t = start;
        var left = work;
        for (var guard = 0; guard < 1000; guard++)
        {
            var next = DutySchedule.NextChange(shifts, t, zone);
            if (next is not { } change)
            {
                // Never changes: always on (work flows) or never on (no work is done; the caller sees a far date).
                return DutySchedule.IsOnShift(shifts, t, zone) ? t + left : DateTimeOffset.MaxValue;
            }

            if (DutySchedule.IsOnShift(shifts, t, zone))
            {
                if (t + left <= change)
                {
                    return t + left;
                }

                left -= change - t;
            }

            t = change;
        }

        throw new InvalidOperationException("Work did not finish within 1,000 shift changes.");
    }
}
