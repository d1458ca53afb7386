namespace Gongzhi.Simulation;

/// <summary>
/// Who the simulation put on and off duty, and when, kept apart from the community's own roster so the run can
/// check the grains against it (no case given to a cadre off duty) and weigh load by hours on duty.
/// </summary>
public sealed class DutyLog
{
    private readonly Dictionary<string, List<(DateTimeOffset From, DateTimeOffset? To)>> _stretches = new(StringComparer.Ordinal);

    public IEnumerable<string> Cadres => _stretches.Keys;

    public void Set(string cadreId, bool onDuty, DateTimeOffset at)
    {
        if (!_stretches.TryGetValue(cadreId, out var list))
        {
            _stretches[cadreId] = list = [];
        }

        var open = list.Count > 0 && list[^1].To is null;
        if (onDuty && !open)
        {
            list.Add((at, null));
        }
        else if (!onDuty && open)
        {
            list[^1] = (list[^1].From, at);
        }
    }

    /// <summary>Whether the cadre was on duty at the instant: a stretch covers [from, to).</summary>
    public bool WasOnDuty(string cadreId, DateTimeOffset at) =>
        _stretches.TryGetValue(cadreId, out var list) && list.Any(s => s.From <= at && (s.To is not { } to || at < to));

    public bool IsOnDuty(string cadreId) => _stretches.TryGetValue(cadreId, out var list) && list.Count > 0 && list[^1].To is null;

    /// <summary>Hours on duty up to <paramref name="end"/>.</summary>
    public double Hours(string cadreId, DateTimeOffset end) =>
        _stretches.TryGetValue(cadreId, out var list)
            ? list.Sum(s => Math.Max(0, ((s.To ?? end) < end ? s.To ?? end : end).Subtract(s.From).TotalHours))
            : 0;
}
