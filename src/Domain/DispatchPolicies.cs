namespace Gongzhi.Domain;

/// <summary>The dispatch policies configuration can pick, by name.</summary>
public static class DispatchPolicies
{
    private static readonly IDispatchPolicy[] All = [new DispatchPolicy(), new ShiftEndAwarePolicy(), new SpecialistFirstPolicy(), new FairSharePolicy()];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The policy of that name; null for a name no policy has.</summary>
    public static IDispatchPolicy? Find(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
