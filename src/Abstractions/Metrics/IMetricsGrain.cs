using Gongzhi.Cases;

namespace Gongzhi.Metrics;

/// <summary>The KPIs of one community (key: community id), fed by its cases.</summary>
[Alias("gongzhi.IMetricsGrain")]
public interface IMetricsGrain : IGrainWithStringKey
{
    /// <summary>Records the latest fact of a case; one-way, so a case never waits on its metrics.</summary>
    [OneWay, Alias("Record")]
    Task RecordAsync(CaseFact fact);

    /// <summary>The community's KPIs over the buckets of the query.</summary>
    [Alias("GetReport")]
    Task<KpiReport> GetReportAsync(KpiQuery query);

    /// <summary>Today's and this month's headline KPIs, as pushed live to the board.</summary>
    [Alias("GetSummary")]
    Task<KpiSummary> GetSummaryAsync();

    /// <summary>The latest facts of the cases submitted in [from, to), for reports over several communities.</summary>
    [Alias("GetFacts")]
    Task<IReadOnlyList<CaseFact>> GetFactsAsync(DateTimeOffset from, DateTimeOffset to);
}
