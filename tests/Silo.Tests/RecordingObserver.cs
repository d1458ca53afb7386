using System.Collections.Concurrent;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Metrics;
using Gongzhi.Realtime;

namespace Gongzhi.Silo.Tests;

/// <summary>Stands in for a gateway: records what the cluster pushes to it.</summary>
internal sealed class RecordingObserver : IDispatchObserver
{
    public ConcurrentQueue<CaseUpdate> Updates { get; } = new();

    public ConcurrentQueue<RosterEntry> Roster { get; } = new();

    public ConcurrentQueue<Invitation> Invitations { get; } = new();

    public event Action? Received;

    public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates)
    {
        foreach (var u in updates)
        {
            Updates.Enqueue(u);
        }

        Received?.Invoke();
        return Task.CompletedTask;
    }

    public Task OnRosterChangedAsync(RosterEntry entry)
    {
        Roster.Enqueue(entry);
        Received?.Invoke();
        return Task.CompletedTask;
    }

    public Task OnMetricsChangedAsync(string communityId, KpiSummary summary) => Task.CompletedTask;

    public Task OnCallAsync(Gongzhi.Realtime.CallMessage message) => Task.CompletedTask;

    public Task OnSessionsEndedAsync(string username, string? sessionId) => Task.CompletedTask;

    public Task OnSurgeAlertAsync(Gongzhi.Communities.SurgeAlert alert) => Task.CompletedTask;

    public Task OnInvitationAsync(Invitation invitation)
    {
        Invitations.Enqueue(invitation);
        Received?.Invoke();
        return Task.CompletedTask;
    }

    public async Task WaitUntilAsync(Func<RecordingObserver, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Received += () =>
        {
            if (condition(this))
            {
                done.TrySetResult();
            }
        };
        if (condition(this))
        {
            return;
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
