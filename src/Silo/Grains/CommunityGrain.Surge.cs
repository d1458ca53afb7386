using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Realtime;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// The early warning of collective grievances: each new case's compound, building and category go to the
/// <see cref="SurgeDetector"/>. Its row is written behind (every <see cref="SurgeSaveEvery"/> and on
/// deactivation) so a case costs no extra write, except a warning: stored before it is pushed, pushed again under
/// the same id after a crash. Arrivals a crash lost are counted again at activation from the open cases.
/// </summary>
internal sealed partial class CommunityGrain
{
    private static readonly TimeSpan SurgeSaveEvery = TimeSpan.FromMinutes(5);

    private StoredState<CommunitySurgeState> _surgeRow = null!;
    private CoalescedWrites _surgeWrites = null!;
    private SurgeDetector? _surge;
    private bool _surgeChanged;
    private DateTimeOffset _surgeSavedAt;

    private async Task ActivateSurgeWatchAsync()
    {
        _surgeRow = states.For<CommunitySurgeState>("community-surge");
        await _surgeRow.ReadAsync();
        _surgeWrites = new CoalescedWrites(WriteSurgeAsync);
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
            await SaveSurgeAsync();
            await PushSurgeAlertsAsync();
        }
    }

    // The case is new to this community: counted once (the watch knows its cases), at its submission time but never in the future.
    private void Watch(OpenCaseEntry entry, CategoryInfo category)
    {
        var at = entry.SubmittedAt < time.GetUtcNow() ? entry.SubmittedAt : time.GetUtcNow();
        _surgeChanged = true;
        _surge ??= new SurgeDetector(_surgeRow.State.Watch, CommunityId, Info.SubdistrictId);
        if (_surge.Record(new SurgeArrival(entry.CaseId, entry.Compound, entry.Building, entry.Category, at), category.Surge ?? SurgeSettings.Default) is { } alert)
        {
            _surgeRow.State.Unpushed.Add(alert.AlertId);
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
            await SaveSurgeAsync();
            await PushSurgeAlertsAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Community {CommunityId}: surge warning not stored yet; the next write or activation raises it", CommunityId);
        }
    }

    private async Task PushSurgeAlertsAsync()
    {
        var registry = GrainFactory.GetGrain<IDispatchRegistryGrain>(0);
        foreach (var alertId in _surgeRow.State.Unpushed.ToArray())
        {
            if (_surgeRow.State.Watch.Alerts.Find(a => a.AlertId == alertId) is { } alert)
            {
                await registry.PublishSurgeAlertAsync(alert);
            }

            _surgeRow.State.Unpushed.Remove(alertId);
            _surgeChanged = true;
        }
    }

    public Task<IReadOnlyList<SurgeAlert>> GetSurgeAlertsAsync() => Task.FromResult<IReadOnlyList<SurgeAlert>>(_surgeRow.State.Watch.Alerts.ToArray());

    // The deadline tick stores the counts behind: a crash loses at most the last few minutes of them.
    private void SaveSurgeBehind()
    {
        if (_surgeChanged && time.GetUtcNow() - _surgeSavedAt >= SurgeSaveEvery)
        {
            _ = SaveSurgeQuietlyAsync();
        }
    }

    private async Task SaveSurgeQuietlyAsync()
    {
        try
        {
            await SaveSurgeAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Community {CommunityId}: surge counts not stored; the next tick tries again", CommunityId);
        }
    }

    private Task SaveSurgeAsync() => _surgeWrites.SaveAsync();

    private async Task SaveSurgeOnDeactivationAsync()
    {
        if (_surgeChanged && _surgeWrites is not null)
        {
            await SaveSurgeQuietlyAsync();
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
