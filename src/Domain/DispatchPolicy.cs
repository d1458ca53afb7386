namespace Gongzhi.Domain;

/// <summary>
/// Least-loaded: an on-duty cadre whose categories include the case's, least loaded
/// first; among equals, the one who waited longest since their last assignment, then by id so that the
/// choice is repeatable. The other policies reuse its eligibility and its order; fair-share is the default (D16-fair-share).
/// </summary>
public sealed class DispatchPolicy : IDispatchPolicy
{
    public const string LeastLoaded = "least-loaded";

    public string Name => LeastLoaded;

    public DispatchCandidate? Choose(IEnumerable<DispatchCandidate> candidates, string category, DateTimeOffset now) =>
        InOrder(Eligible(candidates, category)).FirstOrDefault();

    /// <summary>On duty and taking the category.</summary>
    public static IEnumerable<DispatchCandidate> Eligible(IEnumerable<DispatchCandidate> candidates, string category) =>
        candidates.Where(c => IsEligible(c, category));

    /// <summary>Whether the cadre may be given a case of <paramref name="category"/> at all: on duty and taking the category.</summary>
    public static bool IsEligible(DispatchCandidate candidate, string category) =>
        candidate.OnDuty && candidate.Categories.Contains(category);

    /// <summary>Least loaded, then idle longest, then by id.</summary>
    public static IOrderedEnumerable<DispatchCandidate> InOrder(IEnumerable<DispatchCandidate> candidates) =>
        candidates
            .OrderBy(c => c.Load)
            .ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal);
}
