using Gongzhi.Cases;
using Gongzhi.Metrics;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Metrics;

/// <summary>
/// The KPIs of one community (key: community id): keeps the latest fact of each of its cases,
/// dropping closed ones after the retention, and answers reports from them.
/// </summary>
internal sealed class MetricsGrain(
    [PersistentState("metrics", StorageNames.Gongzhi)] IPersistentState<MetricsState> state,
    TimeProvider time,
    ILogger<MetricsGrain> logger) : Grain, IMetricsGrain
{
    /// <summary>Past this many cases the state nears the ~960 KB a table row holds (a fact is ~550 bytes of JSON); see docs/kpis.md.</summary>
    public const int WarnAtCases = 1500;

    private bool _warnedOfSize;

    private MetricsState State => state.State;

    private string CommunityId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Dropped here in memory only; the next recorded fact writes the smaller state.
        Prune(time.GetUtcNow());
        return Task.CompletedTask;
    }

    public async Task RecordAsync(CaseFact fact)
    {
        if (fact.CommunityId != CommunityId)
        {
            logger.LogWarning("Fact of case {CaseId} for community {FactCommunityId} sent to the metrics of {CommunityId}; ignored", fact.CaseId, fact.CommunityId, CommunityId);
            return;
        }

        if (State.Cases.TryGetValue(fact.CaseId, out var known) && known == fact)
        {
            return;
        }

        State.Cases[fact.CaseId] = fact;
        Prune(time.GetUtcNow());
        if (State.Cases.Count > WarnAtCases && !_warnedOfSize)
        {
            _warnedOfSize = true;
            logger.LogWarning("Metrics of community {CommunityId} hold {CaseCount} cases, near what one storage row takes; split the state by month", CommunityId, State.Cases.Count);
        }

        await state.WriteStateAsync();
    }

    public Task<KpiReport> GetReportAsync(KpiQuery query) =>
        Task.FromResult(KpiCalculator.Report(State.Cases.Values, query, time.GetUtcNow(), KpiCalculator.CountyTimeZone));

    public Task<KpiSummary> GetSummaryAsync() =>
        Task.FromResult(KpiCalculator.Summary(State.Cases.Values, time.GetUtcNow(), KpiCalculator.CountyTimeZone));

    public Task<IReadOnlyList<CaseFact>> GetFactsAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<CaseFact>>(State.Cases.Values.Where(f => f.SubmittedAt >= from && f.SubmittedAt < to).ToArray());

    private void Prune(DateTimeOffset now)
    {
        foreach (var expired in State.Cases.Values.Where(f => MetricsRetention.IsExpired(f, now)).Select(f => f.CaseId).ToArray())
        {
            State.Cases.Remove(expired);
        }
    }
}
