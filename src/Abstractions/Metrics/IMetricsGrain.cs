using Gongzhi.Cases;

namespace Gongzhi.Metrics;

/// <summary>The KPIs of one community (key: community id), fed by its cases.</summary>
[Alias("gongzhi.IMetricsGrain")]
public interface IMetricsGrain : IGrainWithStringKey
{
    /// <summary>Records the latest fact of a case; one-way, so a case never waits on its metrics.</summary>
    [OneWay, Alias("Record")]
    Task RecordAsync(CaseFact fact);
}
