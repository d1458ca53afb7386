using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>How communities choose a cadre for a case: <see cref="Policy"/> names one of <see cref="DispatchPolicies.Names"/>.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>The policy a silo runs when configuration names none (D16-fair-share).</summary>
    public const string DefaultPolicy = FairSharePolicy.Key;

    public string Policy { get; set; } = DefaultPolicy;
}
