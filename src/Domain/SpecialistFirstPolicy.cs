namespace Gongzhi.Domain;

/// <summary>
/// Skill-aware: the eligible cadre who takes the fewest categories (the specialist) first, then least-loaded's order.
/// Generalists stay free for the categories only they take. The roster says nothing of compounds, so this is
/// the only skill it can read.
/// </summary>
public sealed class SpecialistFirstPolicy : IDispatchPolicy
{
    public const string Key = "specialist-first";

    public string Name => Key;

    public DispatchCandidate? Choose(IEnumerable<DispatchCandidate> candidates, string category, DateTimeOffset now) =>
        DispatchPolicy.Eligible(candidates, category)
            .OrderBy(c => c.Categories.Count)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();
}
