using Gongzhi.Silo.Management;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Runtime;

namespace Gongzhi.Silo.Tests.Management;

/// <summary>What an orchestrator probing <c>/healthz/ready</c> sees as the silo starts, loses storage and stops.</summary>
public sealed class SiloReadinessTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeStorage _storage = new();
    private readonly FakeLifecycle _lifecycle = new();

    private SiloReadiness Readiness()
    {
        var readiness = new SiloReadiness(_storage, _time);
        readiness.Participate(_lifecycle);
        return readiness;
    }

    [Fact]
    public async Task A_silo_that_has_not_joined_the_cluster_is_not_ready_even_with_storage_answering()
    {
        var readiness = Readiness();

        Assert.False(await readiness.IsReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_active_silo_whose_storage_answers_is_ready()
    {
        var readiness = Readiness();
        await _lifecycle.StartAsync();

        Assert.True(await readiness.IsReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_active_silo_whose_storage_fails_is_not_ready()
    {
        var readiness = Readiness();
        await _lifecycle.StartAsync();
        _storage.Answer = _ => Task.FromException<bool>(new InvalidOperationException("storage down"));

        Assert.False(await readiness.IsReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_active_silo_whose_storage_does_not_answer_within_the_timeout_is_not_ready()
    {
        var readiness = Readiness();
        await _lifecycle.StartAsync();
        var hanging = new TaskCompletionSource<bool>();
        _storage.Answer = _ => hanging.Task;

        var probe = readiness.IsReadyAsync(CancellationToken.None);
        Assert.False(probe.IsCompleted);
        _time.Advance(SiloReadiness.ProbeTimeout);

        Assert.False(await probe);
    }

    [Fact]
    public async Task A_silo_is_not_ready_once_the_process_begins_to_stop_though_it_is_still_active()
    {
        var readiness = Readiness();
        await _lifecycle.StartAsync();

        readiness.Stopping();

        Assert.False(await readiness.IsReadyAsync(CancellationToken.None));
        Assert.Equal(0, _storage.Calls);
    }

    [Fact]
    public async Task A_silo_leaving_the_cluster_is_not_ready()
    {
        var readiness = Readiness();
        await _lifecycle.StartAsync();

        await _lifecycle.StopAsync();

        Assert.False(await readiness.IsReadyAsync(CancellationToken.None));
    }

    private sealed class FakeStorage() : SiloStorageProbe(null!, null!)
    {
        public Func<CancellationToken, Task<bool>> Answer { get; set; } = _ => Task.FromResult(true);

        public int Calls { get; private set; }

        public override Task<bool> AnswersAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Answer(cancellationToken);
        }
    }

    /// <summary>The silo lifecycle reduced to its Active stage, which readiness follows.</summary>
    private sealed class FakeLifecycle : ISiloLifecycle
    {
        private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage { get; private set; }

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add((stage, observer));
            return new NoDispose();
        }

        public async Task StartAsync()
        {
            foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
            {
                await observer.OnStart(CancellationToken.None);
                HighestCompletedStage = stage;
            }
        }

        public async Task StopAsync()
        {
            foreach (var (stage, observer) in _observers.OrderByDescending(o => o.Stage))
            {
                await observer.OnStop(CancellationToken.None);
                LowestStoppedStage = stage;
            }
        }

        private sealed class NoDispose : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
