using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Realtime;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// The early warning of collective grievances: each new case's compound, building and category go to the
/// <see cref="SurgeDetector"/>. Its counts are written behind (every <see cref="SurgeSaveEvery"/> and on
/// deactivation) so a case costs no extra write. A warning is stored before it is pushed, in a small row of its own
/// (<see cref="CommunityWarningsState"/>, D16-surge-rows), and pushed again under the same id after a crash. Arrivals
/// a crash lost are counted again at activation from the open cases.
/// </summary>
internal sealed partial class CommunityGrain
{
    private static readonly TimeSpan SurgeSaveEvery = TimeSpan.FromMinutes(5);

    private static readonly string WarningsRowName = StorageNames.Shared("community-warnings");

    // The warnings not yet pushed that a write of the warnings row (or the row read at activation) holds: only these may go out.
    private readonly HashSet<string> _storedUnpushed = new(StringComparer.Ordinal);

    private StoredState<CommunitySurgeState> _surgeRow = null!;
    private StoredState<CommunityWarningsState> _warningsRow = null!;
    private CoalescedWrites _surgeWrites = null!;
    private CoalescedWrites _warningsWrites = null!;
    private SurgeDetector? _surge;
    private bool _surgeChanged;
    private bool _warningsChanged;
    private DateTimeOffset _surgeSavedAt;

    private SurgeWatchState Surge => _surgeRow.State.Watch;

    private async Task ActivateSurgeWatchAsync()
    {
        _surgeRow = states.For<CommunitySurgeState>("community-surge");
        _warningsRow = states.For<CommunityWarningsState>(WarningsRowName);
        await Task.WhenAll(_surgeRow.ReadAsync(), _warningsRow.ReadAsync());
        TakeNewerWarnings();
        _storedUnpushed.UnionWith(_surgeRow.State.Unpushed);
        _surgeWrites = new CoalescedWrites(WriteSurgeAsync);
        _warningsWrites = new CoalescedWrites(WriteWarningsAsync);
        _surgeSavedAt = time.GetUtcNow();
        if (State.Info is not { } info)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var open in _store.Open)
        {
            if (info.Categories.FirstOrDefault(c => c.Id == open.Case.Category) is { } category
                && now - open.Case.SubmittedAt < TimeSpan.FromMinutes((category.Surge ?? SurgeSettings.Default).WindowMinutes))
            {
                Watch(open.Case, category);
            }
        }

        if (_surgeRow.State.Unpushed.Count > 0)
        {
            await SaveWarningsAsync();
            await PushSurgeAlertsAsync();
        }
    }

    // The warnings row is written before each push, the counts row behind; a silo of the release before writes the
    // counts row alone, warnings included. Each warning takes the next number, so the row that numbered more holds the newer.
    private void TakeNewerWarnings()
    {
        if (!_warningsRow.RecordExists || _warningsRow.State.NextAlert < Surge.NextAlert)
        {
            return;
        }

        var warnings = _warningsRow.State;
        (Surge.Episodes, Surge.Alerts, Surge.NextAlert, _surgeRow.State.Unpushed) = (warnings.Episodes, warnings.Alerts, warnings.NextAlert, warnings.Unpushed);
    }

    // The case is new to this community: counted once (the watch knows its cases), at its submission time but never in the future.
    private void Watch(OpenCaseEntry entry, CategoryInfo category)
    {
        var at = entry.SubmittedAt < time.GetUtcNow() ? entry.SubmittedAt : time.GetUtcNow();
        _surgeChanged = true;
        _surge ??= new SurgeDetector(Surge, CommunityId, Info.SubdistrictId);
        if (_surge.Record(new SurgeArrival(entry.CaseId, entry.Compound, entry.Building, entry.Category, at), category.Surge ?? SurgeSettings.Default) is { } alert)
        {
            _surgeRow.State.Unpushed.Add(alert.AlertId);
            _warningsChanged = true;
            logger.LogWarning("Community {CommunityId}: surge of {Count} {Category} cases in {Compound} within {WindowMinutes} min (expected {Expected}): warning {AlertId}",
                CommunityId, alert.Count, alert.Category, alert.Compound, alert.WindowMinutes, alert.Expected, alert.AlertId);
        }
    }

    /// <summary>Stores and pushes the warnings the last arrivals raised; a failure leaves them for the next write or activation.</summary>
    private async Task RaiseSurgeAlertsAsync()
    {
        if (_surgeRow.State.Unpushed.Count == 0)
        {
            return;
        }

        try
        {
            await SaveWarningsAsync();
            await PushSurgeAlertsAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Community {CommunityId}: surge warning not stored yet; the next write or activation raises it", CommunityId);
        }
    }

    // Pushes the warnings known to be stored (a warning raised meanwhile waits for the write that stores it), each once.
    private async Task PushSurgeAlertsAsync()
    {
        var registry = grains.Registry;
        foreach (var alertId in _surgeRow.State.Unpushed.Where(_storedUnpushed.Contains).ToArray())
        {
            _surgeRow.State.Unpushed.Remove(alertId);
            _storedUnpushed.Remove(alertId);
            _warningsChanged = true;
            if (Surge.Alerts.Find(a => a.AlertId == alertId) is { } alert)
            {
                await registry.PublishSurgeAlertAsync(alert);
            }
        }
    }

    public Task<IReadOnlyList<SurgeAlert>> GetSurgeAlertsAsync() => Task.FromResult<IReadOnlyList<SurgeAlert>>(Surge.Alerts.ToArray());

    // The deadline tick stores the counts behind: a crash loses at most the last few minutes of them.
    private void SaveSurgeBehind()
    {
        if ((_surgeChanged || _warningsChanged) && time.GetUtcNow() - _surgeSavedAt >= SurgeSaveEvery)
        {
            _ = SaveSurgeQuietlyAsync();
        }
    }

    private async Task SaveSurgeQuietlyAsync()
    {
        try
        {
            // The warnings row first, with the surges' latest minutes, so it is never older than the counts row beside it.
            await SaveWarningsAsync();
            if (_surgeChanged)
            {
                await SaveSurgeAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Community {CommunityId}: surge counts not stored; the next tick tries again", CommunityId);
        }
    }

    private Task SaveSurgeAsync() => _surgeWrites.SaveAsync();

    private Task SaveWarningsAsync() => _warningsWrites.SaveAsync();

    private async Task SaveSurgeOnDeactivationAsync()
    {
        if ((_surgeChanged || _warningsChanged) && _surgeWrites is not null)
        {
            await SaveSurgeQuietlyAsync();
        }
    }

    private async Task WriteWarningsAsync()
    {
        _warningsChanged = false;
        var watch = Surge;
        var unpushed = _surgeRow.State.Unpushed.ToList();
        _warningsRow.State = new CommunityWarningsState { Episodes = watch.Episodes, Alerts = watch.Alerts, NextAlert = watch.NextAlert, Unpushed = unpushed };
        try
        {
            await _warningsRow.WriteAsync();
            _storedUnpushed.UnionWith(unpushed);
        }
        catch
        {
            _warningsChanged = true;
            throw;
        }
    }

    private async Task WriteSurgeAsync()
    {
        _surgeChanged = false;
        _surgeSavedAt = time.GetUtcNow();
        try
        {
            await _surgeRow.WriteAsync();
        }
        catch
        {
            _surgeChanged = true;
            throw;
        }
    }
}
