namespace Gongzhi.Domain;

/// <summary>Who gets an accepted case, among on-duty cadres whose categories include the case's; null when nobody may take it.</summary>
public interface IDispatchPolicy
{
    /// <summary>The name configuration picks it by (<c>Dispatch:Policy</c>).</summary>
    string Name { get; }

    /// <summary>Whether the policy reads <see cref="DispatchCandidate.ShiftEndsAt"/>, which costs the community a look at every shift.</summary>
    bool NeedsShiftEnds => false;

    /// <summary>
    /// Whether the policy reads <see cref="DispatchCandidate.RecentlyGiven"/> and <see cref="DispatchCandidate.RecentHours"/>:
    /// the community then keeps each cadre's <see cref="AssignmentTally"/>, stored with every assignment (one main-row write a save).
    /// </summary>
    bool KeepsTally => false;

    DispatchCandidate? Choose(IEnumerable<DispatchCandidate> candidates, string category, DateTimeOffset now);
}
