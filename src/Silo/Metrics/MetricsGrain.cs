using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cases;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Metrics;

/// <summary>
/// The KPIs of one community (key: community id): keeps the latest fact of each of its cases,
/// dropping closed ones after the retention, and answers reports from them. Tells the boards the
/// new headline figures at most once per <see cref="PublishInterval"/>: a burst of facts makes one
/// push at once and one more with the burst's result when the interval is over.
/// </summary>
/// <remarks>
/// The facts are stored in chunks of at most <see cref="ChunkSize"/> beside a main row listing them
/// (a <see cref="ChunkedStore{TMain, TItem, TChunk}"/>): a new case's fact goes to the newest chunk and a
/// changed fact rewrites only its own chunk, so a write stays small however many cases the community
/// holds. They are stored behind, at most once per <see cref="SaveInterval"/> (and when the grain
/// deactivates): under a surge a community's KPIs cost a few chunk writes every few seconds, not one
/// per case. A fact that closes a case is stored at once, so a crash can only lose the latest word on
/// cases still open, which each of them repeats with its next change.
/// </remarks>
internal sealed class MetricsGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    GrainReferences grains,
    ILogger<MetricsGrain> logger) : Grain, IMetricsGrain
{
    /// <summary>Facts per stored chunk: ~550–750 bytes of JSON each, so a chunk row stays near 75 KB, far below the ~960 KB a table row holds.</summary>
    public const int ChunkSize = 100;

    private static readonly ChunkLayout Layout = new("metrics", "metrics-facts", "gongzhi-metrics-facts", ChunkSize, SharedChunks: true);

    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(2);

    private ChunkedStore<MetricsState, CaseFact, CaseFactChunk> _facts = null!;
    private IGrainTimer? _publishTimer;
    private IGrainTimer? _saveTimer;
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;

    private string CommunityId => this.GetPrimaryKeyString();

    private IEnumerable<CaseFact> Facts => _facts.Items;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Facts are stored behind anyway: a failed write keeps them for the next save, and only a stale ETag (a write
        // stored after all, though it failed, which would fail every later write) makes the grain reload.
        _facts = await ChunkedStore<MetricsState, CaseFact, CaseFactChunk>.LoadAsync(states, CommunityId, Layout,
            f => f.CaseId, WriteFailure.ReloadOnConflict);
        Prune(time.GetUtcNow());
        if (_facts.HasChanges)
        {
            // Pruned facts are stored behind, like any change.
            ScheduleSave();
        }
    }

    public async Task RecordAsync(CaseFact fact)
    {
        if (fact.CommunityId != CommunityId)
        {
            logger.LogWarning("Fact of case {CaseId} for community {FactCommunityId} sent to the metrics of {CommunityId}; ignored", fact.CaseId, fact.CommunityId, CommunityId);
            return;
        }

        // One-way messages may arrive out of order: an older fact never replaces a newer one.
        if (_facts.TryGet(fact.CaseId, out var known) && (known == fact || known.Seq > fact.Seq))
        {
            return;
        }

        _facts.Put(fact);
        if (fact.Closure is not null)
        {
            await SaveAsync();
        }
        else
        {
            ScheduleSave();
        }

        await SchedulePublishAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_saveTimer is not null || _facts.HasChanges)
        {
            _saveTimer?.Dispose();
            _saveTimer = null;
            await _facts.SaveAsync();
        }
    }

    public Task<KpiReport> GetReportAsync(KpiQuery query) =>
        Task.FromResult(KpiCalculator.Report(Facts, query, time.GetUtcNow(), KpiCalculator.CountyTimeZone));

    public Task<KpiSummary> GetSummaryAsync() =>
        Task.FromResult(KpiCalculator.Summary(Facts, time.GetUtcNow(), KpiCalculator.CountyTimeZone));

    public Task<IReadOnlyList<CaseFact>> GetFactsAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<CaseFact>>(Facts.Where(f => f.SubmittedAt >= from && f.SubmittedAt < to).ToArray());

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

    private void ScheduleSave() => _saveTimer ??= this.RegisterGrainTimer(SaveDueAsync, SaveInterval, Timeout.InfiniteTimeSpan);

    private Task SaveDueAsync(CancellationToken cancellationToken) => SaveAsync();

    // Facts past the retention leave here, once per save rather than with every fact recorded.
    private async Task SaveAsync()
    {
        _saveTimer?.Dispose();
        _saveTimer = null;
        Prune(time.GetUtcNow());
        try
        {
            await _facts.SaveAsync();
        }
        catch (Exception ex)
        {
            // The store keeps what it could not write; try again after the interval.
            logger.LogWarning(ex, "Storing the KPI facts of community {CommunityId} failed; retrying in {Interval}", CommunityId, SaveInterval);
            ScheduleSave();
        }
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
        return grains.Registry.PublishMetricsAsync(CommunityId, KpiCalculator.Summary(Facts, now, KpiCalculator.CountyTimeZone));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var expired in Facts.Where(f => MetricsRetention.IsExpired(f, now)).Select(f => f.CaseId).ToArray())
        {
            _facts.Remove(expired);
        }
    }
}
