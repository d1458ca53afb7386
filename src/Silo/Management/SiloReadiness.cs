using Orleans.Runtime;

namespace Gongzhi.Silo.Management;

/// <summary>
/// Ready while the silo is active in the cluster and storage answers within <see cref="ProbeTimeout"/>; not ready from
/// the moment the process begins to stop, so that a balancer or orchestrator stops sending before the silo leaves.
/// </summary>
public sealed class SiloReadiness(SiloStorageProbe storage, TimeProvider time) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long storage may take to answer before the silo counts as not ready.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private volatile bool _active;
    private volatile bool _stopping;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<SiloReadiness>(
            ServiceLifecycleStage.Active,
            _ =>
            {
                _active = true;
                return Task.CompletedTask;
            },
            _ =>
            {
                Stopping();
                return Task.CompletedTask;
            });

    /// <summary>The process is shutting down: not ready from now on, whatever storage says.</summary>
    public void Stopping()
    {
        _stopping = true;
        _active = false;
    }

    /// <summary>Whether the silo is active and not stopping, and storage answers in time.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!_active || _stopping)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await storage.AnswersAsync(linked.Token).WaitAsync(linked.Token) && !_stopping;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
