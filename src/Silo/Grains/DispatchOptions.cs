using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>How communities choose a cadre for a case: <see cref="Policy"/> names one of <see cref="DispatchPolicies.Names"/>.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    public string Policy { get; set; } = FairSharePolicy.Key;
}
