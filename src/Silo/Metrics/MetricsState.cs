using Gongzhi.Cases;

namespace Gongzhi.Silo.Metrics;

/// <summary>The persisted state of a metrics grain: the latest fact of each case, by case id.</summary>
public sealed class MetricsState
{
    public Dictionary<string, CaseFact> Cases { get; set; } = [];
}
