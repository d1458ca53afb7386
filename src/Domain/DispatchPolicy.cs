namespace Gongzhi.Domain;

/// <summary>
/// Who gets an accepted case: an on-duty cadre whose categories include the case's, least loaded
/// first; among equals, the one who waited longest since their last assignment, then by id so
/// that the choice is repeatable.
/// </summary>
public static class DispatchPolicy
{
    public static DispatchCandidate? Choose(IEnumerable<DispatchCandidate> candidates, string category) =>
        candidates
            .Where(c => c.OnDuty && c.Categories.Contains(category))
            .OrderBy(c => c.Load)
            .ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();
}
