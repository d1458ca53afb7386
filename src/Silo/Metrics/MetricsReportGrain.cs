using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Silo.Extensions;
using Gongzhi.Metrics;
using Gongzhi.Domain;
using Orleans.Concurrency;

namespace Gongzhi.Silo.Metrics;

/// <summary>
/// Reports over several communities: gathers the facts of the report's window from each community's
/// metrics grain and computes over them all, since medians and percentiles cannot be added up.
/// </summary>
[StatelessWorker]
internal sealed class MetricsReportGrain([FromKeyedServices(Clocks.Domain)] TimeProvider time) : Grain, IMetricsReportGrain
{
    public async Task<KpiReport> BuildAsync(IReadOnlyList<string> communityIds, KpiQuery query)
    {
        var zone = KpiCalculator.CountyTimeZone;
        var (start, end) = KpiCalculator.Window(query.Period, query.From, query.To, zone);
        var facts = await Task.WhenAll(communityIds.Distinct(StringComparer.Ordinal).Select(id => GrainFactory.GetGrain<IMetricsGrain>(id).GetFactsAsync(start, end)));
        return KpiCalculator.Report(facts.SelectMany(f => f), query, time.GetUtcNow(), zone);
    }
}
