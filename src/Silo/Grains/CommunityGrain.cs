using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Realtime;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Telemetry;
using Orleans.Concurrency;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community: the roster with duty (by hand and by shift) and load, the dispatch of accepted cases, the
/// waiting list, the open-case index behind the board, and the watch over its cases' deadlines. Tells
/// waiting cases (one-way) what it decided.
/// </summary>
/// <remarks>
/// Reentrant so that a surge of dispatches shares writes (<see cref="CommunityStore.SaveAsync"/>): every
/// method changes the state in one turn, before its first await, and persists through the store.
/// </remarks>
[Reentrant]
internal sealed partial class CommunityGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    IOptions<DeadlineOptions> deadlineOptions,
    CommunityBacklog backlog,
    IDispatchPolicy policy,
    GrainReferences grains,
    ILogger<CommunityGrain> logger) : Grain, ICommunityGrain, IRemindable
{
    private const string DutyReminder = "duty";

    private readonly DeadlineWatch _deadlines = new();
    private AssignmentNews _news = null!;
    private CommunityStore _store = null!;
    private long _lastRosterVersion;
    private CommunityBacklog.Entry? _backlogEntry;

    private CommunityState State => _store.State;

    private string CommunityId => this.GetPrimaryKeyString();

    private CommunityInfo Info => State.Info ?? throw new InvalidOperationException($"Community {CommunityId} is not configured.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _backlogEntry = backlog.Track(CommunityId);
        try
        {
            _store = await CommunityStore.LoadAsync(states, CommunityId, _backlogEntry);
        }
        catch
        {
            // Not activated: nothing of this community is counted here.
            backlog.Forget(_backlogEntry);
            throw;
        }

        foreach (var open in _store.Open)
        {
            if (open.AssigneeId is { } cadreId && State.Cadres.TryGetValue(cadreId, out var slot))
            {
                slot.Open.Add(open.CaseId);
                slot.LastAssignedAt = Later(slot.LastAssignedAt, open.AssignedAt);
            }

            // The watch lives in memory: every open case says again when its next deadline is.
            _ = grains.Case(open.CaseId).RecheckDeadlinesAsync();
        }

        await ActivateSurgeWatchAsync();
        _news = new AssignmentNews(this, a => grains.Case(a.CaseId).OnAssignedAsync(a), a => _store.Find(a.CaseId)?.AssigneeId == a.CadreId);
        // Audit entries stored with a change whose delivery was cut short (idempotent by id, so best effort here).
        _ = DeliverLeftAuditAsync();

        var period = deadlineOptions.Value.CheckPeriod;
        this.RegisterGrainTimer(CheckDeadlinesAsync, period, period);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_backlogEntry is not null)
        {
            backlog.Forget(_backlogEntry);
        }

        await SaveSurgeOnDeactivationAsync();
    }

    public async Task ConfigureAsync(CommunityDefinition definition)
    {
        // Seeds describe a community until an admin changes it; from then on the admin's description and roster stand.
        if (State.Administration is null)
        {
            State.Info = definition.Info;
            foreach (var profile in definition.Cadres)
            {
                if (State.Cadres.TryGetValue(profile.Id, out var slot))
                {
                    slot.Profile = profile;
                }
                else
                {
                    State.Cadres[profile.Id] = new CadreSlot { Profile = profile, OnDuty = profile.OnDutyAtStart };
                }
            }
        }

        var assigned = DrainWaiting();
        _store.MainChanged();
        await _store.SaveAsync();
        await CopyDescriptionForGatewaysAsync(Info);
        foreach (var slot in State.Cadres.Values.ToArray())
        {
            await GrainFactory.GetGrain<ICadreGrain>(slot.Profile.Id).ConfigureAsync(CommunityId, slot.Profile);
        }

        await AnnounceAsync(assigned);
        await this.RegisterOrUpdateReminder(DutyReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Community {CommunityId} configured with {CadreCount} cadres", CommunityId, State.Cadres.Count);
    }

    private async Task DeliverLeftAuditAsync()
    {
        try
        {
            await DeliverAuditAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Community {CommunityId}: audit entries not delivered yet; the next change delivers them", CommunityId);
        }
    }

    // Best effort: the copy only serves gateways while no silo answers; the next configuration writes it again.
    private async Task CopyDescriptionForGatewaysAsync(CommunityInfo info)
    {
        if (ServiceProvider.GetService<BlobServiceClient>() is not { } blobs)
        {
            return;
        }

        try
        {
            var container = blobs.GetBlobContainerClient(CommunityDescriptionBlobs.Container);
            await container.CreateIfNotExistsAsync();
            await container.GetBlobClient(CommunityDescriptionBlobs.BlobName(CommunityId)).UploadAsync(CommunityDescriptionBlobs.ToJson(info), overwrite: true);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not copy the description of community {CommunityId} for the gateways", CommunityId);
        }
    }

    public Task<CommunityInfo?> GetInfoAsync() => Task.FromResult(State.Info);

    public Task<IReadOnlyList<RosterEntry>> GetRosterAsync() =>
        Task.FromResult<IReadOnlyList<RosterEntry>>(State.Cadres.Values.OrderBy(s => s.Profile.Id, StringComparer.Ordinal).Select(ToEntry).ToArray());

    public Task<CadreView?> GetCadreAsync(string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return Task.FromResult<CadreView?>(null);
        }

        var cases = _store.Unordered.Where(o => o.AssigneeId == cadreId && slot.Open.Contains(o.CaseId))
            .OrderBy(o => o.AssignedAt).Select(o => o.CaseId).ToArray();
        return Task.FromResult<CadreView?>(new CadreView(slot.Profile.Id, slot.Profile.Name, CommunityId, slot.Profile.Categories, slot.OnDuty, cases));
    }

    public Task<IReadOnlyList<string>> GetOpenCasesAsync() => Task.FromResult<IReadOnlyList<string>>(_store.Open.Select(c => c.CaseId).ToArray());

    public Task TrackDeadlineAsync(string caseId, DateTimeOffset? dueAt)
    {
        _deadlines.Set(caseId, dueAt);
        return Task.CompletedTask;
    }

    // The deadline watch's tick: each case whose deadline has come applies it and says when its next one is.
    private Task CheckDeadlinesAsync(CancellationToken cancellationToken)
    {
        foreach (var caseId in _deadlines.TakeDue(time.GetUtcNow()))
        {
            _ = grains.Case(caseId).RecheckDeadlinesAsync();
        }

        SaveSurgeBehind();
        return Task.CompletedTask;
    }

    private Task PublishRosterAsync(string cadreId) =>
        grains.Registry.PublishRosterAsync(ToEntry(State.Cadres[cadreId]) with { Version = NextRosterVersion() });

    // Strictly increasing within this activation, and from the clock, so a later activation starts above it.
    private long NextRosterVersion() => _lastRosterVersion = Math.Max(_lastRosterVersion + 1, time.GetUtcNow().UtcTicks);

    private RosterEntry ToEntry(CadreSlot slot) =>
        new(CommunityId, slot.Profile.Id, slot.Profile.Name, slot.Profile.Categories, slot.OnDuty, slot.Open.Count);

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
