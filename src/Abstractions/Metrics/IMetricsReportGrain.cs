namespace Gongzhi.Metrics;

/// <summary>KPIs over several communities (a sub-district or the county), gathered from their metrics grains; a stateless worker.</summary>
[Alias("gongzhi.IMetricsReportGrain")]
public interface IMetricsReportGrain : IGrainWithIntegerKey
{
    /// <summary>The report of the query over the cases of the given communities.</summary>
    [Alias("Build")]
    Task<KpiReport> BuildAsync(IReadOnlyList<string> communityIds, KpiQuery query);
}
