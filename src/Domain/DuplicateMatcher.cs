namespace Gongzhi.Domain;

/// <summary>Finds open cases a new submission probably repeats — same category, same place, close in time — so a dispatcher can merge them instead of sending two cadres.</summary>
public static class DuplicateMatcher
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(48);

    /// <summary>
    /// The most listed: the nearest in time. In a surge (a whole compound without heat) every new case
    /// matches every earlier one; a dispatcher merges from the nearest few, and an unbounded list would
    /// make each case's row and memory grow with the surge.
    /// </summary>
    public const int MaxListed = 5;

    public static IReadOnlyList<string> Find(OpenCaseEntry candidate, IEnumerable<OpenCaseEntry> open, TimeSpan? window = null)
    {
        var limit = window ?? DefaultWindow;
        return open
            .Where(o => o.CaseId != candidate.CaseId
                && o.Category == candidate.Category
                && o.Compound == candidate.Compound
                && (o.Building is null || candidate.Building is null || o.Building == candidate.Building))
            .Select(o => (o.CaseId, Gap: (o.SubmittedAt - candidate.SubmittedAt).Duration()))
            .Where(m => m.Gap <= limit)
            .OrderBy(m => m.Gap)
            .ThenBy(m => m.CaseId, StringComparer.Ordinal)
            .Take(MaxListed)
            .Select(m => m.CaseId)
            .ToList();
    }
}
