namespace Gongzhi.Domain;

/// <summary>
/// Fair per hour on duty (D16-fair-share): the eligible cadre given the fewest cases per hour on shift over the
/// last week (<see cref="AssignmentTally"/>) first, then least-loaded's order (least loaded, idle longest, id).
/// It chooses among the cadres who can take the case now, as every policy does, so a case waits only when
/// nobody eligible has a free slot. A cadre with no shift hours in the window (on duty by hand) counts as
/// on duty for <see cref="MinimumHours"/>.
/// </summary>
public sealed class FairSharePolicy : IDispatchPolicy
{
    public const string Key = "fair-share";

    public const double MinimumHours = 1;

    public string Name => Key;

    public bool KeepsTally => true;

    public DispatchCandidate? Choose(IEnumerable<DispatchCandidate> candidates, string category, DateTimeOffset now) =>
        DispatchPolicy.Eligible(candidates, category)
            .OrderBy(PerHour)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Cases given in the window per hour on shift in it.</summary>
    public static double PerHour(DispatchCandidate candidate) => candidate.RecentlyGiven / Math.Max(candidate.RecentHours, MinimumHours);
}
