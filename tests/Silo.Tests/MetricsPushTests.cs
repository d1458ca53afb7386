using System.Threading.Channels;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Silo.Metrics;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MetricsPushTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <summary>Stands in for a gateway: hears the metrics pushed for one community, in order.</summary>
    private sealed class MetricsRecorder(string communityId) : IDispatchObserver
    {
        private readonly Channel<KpiSummary> _heard = Channel.CreateUnbounded<KpiSummary>();

        public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates) => Task.CompletedTask;

        public Task OnRosterChangedAsync(RosterEntry entry) => Task.CompletedTask;

        public Task OnSurgeAlertAsync(Gongzhi.Communities.SurgeAlert alert) => Task.CompletedTask;

        public Task OnInvitationAsync(Gongzhi.Consultations.Invitation invitation) => Task.CompletedTask;

        public Task OnCallAsync(Gongzhi.Realtime.CallMessage message) => Task.CompletedTask;

        public Task OnSessionsEndedAsync(string username, string? sessionId) => Task.CompletedTask;

        public Task OnMetricsChangedAsync(string community, KpiSummary summary)
        {
            if (community == communityId)
            {
                _heard.Writer.TryWrite(summary);
            }

            return Task.CompletedTask;
        }

        public Task<KpiSummary> NextAsync() => _heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public bool HeardMore => _heard.Reader.TryPeek(out _);
    }

    [Fact]
    public async Task A_burst_of_facts_reaches_the_boards_as_one_push_at_once_and_one_when_the_interval_is_over()
    {
        var community = "p-" + Guid.NewGuid().ToString("N")[..10];
        var recorder = new MetricsRecorder(community);
        await using (await TestGateway.RegisterAsync(fixture.Client, recorder, "gw-metrics"))
        {
            var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
            var now = fixture.Time.GetUtcNow();
            CaseFact Fact(int n) => new($"case-{n}", community, "sub-1", "heating", CaseKind.Service, "wang", now, now, null, null, null, null, null, null, null);

            await grain.RecordAsync(Fact(1));
            Assert.Equal(1, (await recorder.NextAsync()).Today.Submitted);

            for (var n = 2; n <= 20; n++)
            {
                await grain.RecordAsync(Fact(n));
            }

            // RecordAsync is one-way: ask until the grain has taken all twenty.
            await Eventually.HoldsAsync(async () => (await grain.GetSummaryAsync()).Today.Submitted == 20, "the grain has taken the twenty facts");
            fixture.Time.Advance(MetricsGrain.PublishInterval);

            var second = await recorder.NextAsync();
            Assert.Equal(20, second.Today.Submitted);
            Assert.Equal(20, second.ThisMonth.Submitted);
            Assert.False(recorder.HeardMore);
        }
    }
}
