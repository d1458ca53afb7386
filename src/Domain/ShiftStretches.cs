namespace Gongzhi.Domain;

/// <summary>
/// A cadre's shifts read as instants, merged, from the day before <see cref="From"/>'s local date to past
/// <see cref="DutySchedule.Horizon"/> (<see cref="DutySchedule.StretchesFrom"/>): reading them is the costly part of
/// <see cref="DutySchedule.OnShiftBetween"/>, so a caller that asks again from the same instant keeps them.
/// </summary>
public sealed class ShiftStretches
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _stretches;

    internal ShiftStretches(DateTimeOffset from, List<(DateTimeOffset Start, DateTimeOffset End)> stretches)
    {
        From = from;
        _stretches = stretches;
    }

    public DateTimeOffset From { get; }

    /// <summary>How long the shifts have the cadre on duty between <see cref="From"/> and <paramref name="to"/>, at most <see cref="DutySchedule.Horizon"/> later.</summary>
    public TimeSpan OnShiftUntil(DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to - From, DutySchedule.Horizon);
        var total = TimeSpan.Zero;
        foreach (var (start, end) in _stretches)
        {
            var overlap = (end < to ? end : to) - (start > From ? start : From);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }
}
