namespace Gongzhi.Silo.Domain;

/// <summary>Finds open cases a new submission probably repeats — same category, same place, close in time — so a dispatcher can merge them instead of sending two cadres.</summary>
public static class DuplicateMatcher
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(48);

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
            .Select(m => m.CaseId)
            .ToList();
    }
}
