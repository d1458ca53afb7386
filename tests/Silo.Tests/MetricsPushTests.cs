using System.Collections.Concurrent;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Silo.Metrics;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MetricsPushTests(ClusterFixture fixture)
{
    /// <summary>Stands in for a gateway: records the metrics pushed for one community.</summary>
    private sealed class MetricsRecorder(string communityId) : IDispatchObserver
    {
        public ConcurrentQueue<KpiSummary> Heard { get; } = new();

        public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates) => Task.CompletedTask;

        public Task OnRosterChangedAsync(RosterEntry entry) => Task.CompletedTask;

        public Task OnInvitationAsync(Gongzhi.Consultations.Invitation invitation) => Task.CompletedTask;

        public Task OnMetricsChangedAsync(string community, KpiSummary summary)
        {
            if (community == communityId)
            {
                Heard.Enqueue(summary);
            }

            return Task.CompletedTask;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_burst_of_facts_reaches_the_boards_as_one_push_at_once_and_one_when_the_interval_is_over()
    {
        var community = "p-" + Guid.NewGuid().ToString("N")[..10];
        var recorder = new MetricsRecorder(community);
        var reference = fixture.Client.CreateObjectReference<IDispatchObserver>(recorder);
        var registry = fixture.Client.GetGrain<IDispatchRegistryGrain>(0);
        var gateway = "gw-metrics-" + Guid.NewGuid().ToString("N");
        await registry.RegisterAsync(gateway, reference);
        try
        {
            var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
            var now = fixture.Time.GetUtcNow();
            CaseFact Fact(int n) => new($"case-{n}", community, "sub-1", "heating", CaseKind.Service, "wang", now, now, null, null, null, null, null, null, null);

            await grain.RecordAsync(Fact(1));
            await UntilAsync(() => Task.FromResult(!recorder.Heard.IsEmpty));
            Assert.Equal(1, recorder.Heard.Single().Today.Submitted);

            for (var n = 2; n <= 20; n++)
            {
                await grain.RecordAsync(Fact(n));
            }

            await UntilAsync(async () => (await grain.GetSummaryAsync()).Today.Submitted == 20);
            fixture.Time.Advance(MetricsGrain.PublishInterval);
            await UntilAsync(() => Task.FromResult(recorder.Heard.Any(s => s.Today.Submitted == 20)));

            Assert.Equal([1, 20], recorder.Heard.Select(s => s.Today.Submitted));
            Assert.Equal(20, recorder.Heard.Last().ThisMonth.Submitted);
        }
        finally
        {
            await registry.UnregisterAsync(gateway);
            fixture.Client.DeleteObjectReference<IDispatchObserver>(reference);
        }
    }
}
