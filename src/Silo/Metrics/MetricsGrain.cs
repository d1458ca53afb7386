using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cases;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Metrics;

/// <summary>
/// The KPIs of one community (key: community id): keeps the latest fact of each of its cases,
/// dropping closed ones after the retention, and answers reports from them. Tells the boards the
/// new headline figures at most once per <see cref="PublishInterval"/>: a burst of facts makes one
/// push at once and one more with the burst's result when the interval is over.
/// </summary>
/// <remarks>
/// Facts are stored behind, at most once per <see cref="SaveInterval"/> (and when the grain deactivates):
/// under a surge a community's KPIs cost one write every few seconds, not one per case. A fact that
/// closes a case is stored at once, so a crash can only lose the latest word on cases still open,
/// which each of them repeats with its next change.
/// </remarks>
internal sealed class MetricsGrain(
    [PersistentState("metrics", StorageNames.Gongzhi)] IPersistentState<MetricsState> state,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    ILogger<MetricsGrain> logger) : Grain, IMetricsGrain
{
    /// <summary>Past this many cases the state nears the ~960 KB a table row holds (a fact is ~550 bytes of JSON); see docs/kpis.md.</summary>
    public const int WarnAtCases = 1500;

    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(2);

    private bool _warnedOfSize;
    private IGrainTimer? _publishTimer;
    private IGrainTimer? _saveTimer;
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;

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

        // One-way messages may arrive out of order: an older fact never replaces a newer one.
        if (State.Cases.TryGetValue(fact.CaseId, out var known) && (known == fact || known.Seq > fact.Seq))
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

        if (fact.Closure is not null)
        {
            await SaveAsync();
        }
        else
        {
            _saveTimer ??= this.RegisterGrainTimer(SaveDueAsync, SaveInterval, Timeout.InfiniteTimeSpan);
        }

        await SchedulePublishAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_saveTimer is not null)
        {
            await SaveAsync();
        }
    }

    public Task<KpiReport> GetReportAsync(KpiQuery query) =>
        Task.FromResult(KpiCalculator.Report(State.Cases.Values, query, time.GetUtcNow(), KpiCalculator.CountyTimeZone));

    public Task<KpiSummary> GetSummaryAsync() =>
        Task.FromResult(KpiCalculator.Summary(State.Cases.Values, time.GetUtcNow(), KpiCalculator.CountyTimeZone));

    public Task<IReadOnlyList<CaseFact>> GetFactsAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<CaseFact>>(State.Cases.Values.Where(f => f.SubmittedAt >= from && f.SubmittedAt < to).ToArray());

    private async Task SchedulePublishAsync()
    {
        if (_publishTimer is not null)
        {
            // A push is already due; it will carry this change too.
            return;
        }

        var wait = _lastPublished + PublishInterval - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            await PublishAsync();
            return;
        }

        _publishTimer = this.RegisterGrainTimer(PublishDueAsync, wait, Timeout.InfiniteTimeSpan);
    }

    private Task SaveDueAsync(CancellationToken cancellationToken) => SaveAsync();

    private async Task SaveAsync()
    {
        _saveTimer?.Dispose();
        _saveTimer = null;
        await state.WriteStateAsync();
    }

    private async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        _publishTimer?.Dispose();
        _publishTimer = null;
        await PublishAsync();
    }

    // One-way: the registry fans out without the metrics waiting on any gateway.
    private Task PublishAsync()
    {
        var now = time.GetUtcNow();
        _lastPublished = now;
        return GrainFactory.GetGrain<IDispatchRegistryGrain>(0).PublishMetricsAsync(CommunityId, KpiCalculator.Summary(State.Cases.Values, now, KpiCalculator.CountyTimeZone));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var expired in State.Cases.Values.Where(f => MetricsRetention.IsExpired(f, now)).Select(f => f.CaseId).ToArray())
        {
            State.Cases.Remove(expired);
        }
    }
}
