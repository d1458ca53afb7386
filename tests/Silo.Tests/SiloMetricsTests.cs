using System.Diagnostics.Metrics;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Telemetry;
using Gongzhi.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>What an operator's dashboard shows of a case's life: the backlog, and assignments and resolutions counted once each.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloMetricsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public async Task A_case_waiting_for_a_cadre_shows_in_its_communitys_backlog_until_it_is_assigned_and_each_step_is_counted_once()
    {
        var cadre = UniqueCadreId("backlog");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, false, "heating"));
        var meters = Silo.GetRequiredService<IMeterFactory>();
        using var dispatched = new InstrumentRecorder(meters, SiloMetrics.MeterName, "gongzhi.cases.dispatched");
        using var resolved = new InstrumentRecorder(meters, SiloMetrics.MeterName, "gongzhi.cases.resolved");
        using var backlog = new InstrumentRecorder(meters, SiloMetrics.MeterName, "gongzhi.backlog.waiting");

        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        await grain.SubmitAsync(submission);
        Assert.Equal(1, WaitingIn(backlog, community));
        Assert.Equal(0, dispatched.Sum);

        await Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(cadre, true);
        await Client.CaseWhenAsync(submission.CaseId, s => s.Status == CaseStatus.Assigned);
        await Eventually.HoldsAsync(() => Task.FromResult(dispatched.Sum == 1));
        Assert.Equal(0, WaitingIn(backlog, community));

        await grain.AcknowledgeAsync(cadre);
        await grain.ResolveAsync(CaseActor.Cadre(cadre), "修好了");
        Assert.Equal(1, resolved.Sum);
        Assert.Equal(1, dispatched.Sum);
    }

    [Fact]
    public async Task Cases_waiting_together_all_leave_the_backlog_when_a_cadre_comes_on_duty_each_counted_as_dispatched()
    {
        var cadre = UniqueCadreId("manual");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, false, "heating"), Cadre(UniqueCadreId("other"), false, "heating"));
        var meters = Silo.GetRequiredService<IMeterFactory>();
        using var backlog = new InstrumentRecorder(meters, SiloMetrics.MeterName, "gongzhi.backlog.waiting");
        var first = fixture.Submission(community);
        var second = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(first.CaseId).SubmitAsync(first);
        await Client.GetGrain<ICaseGrain>(second.CaseId).SubmitAsync(second);
        Assert.Equal(2, WaitingIn(backlog, community));

        using var dispatched = new InstrumentRecorder(meters, SiloMetrics.MeterName, "gongzhi.cases.dispatched");
        await Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(cadre, true);
        await Client.CaseWhenAsync(first.CaseId, s => s.Status == CaseStatus.Assigned);
        await Client.CaseWhenAsync(second.CaseId, s => s.Status == CaseStatus.Assigned);
        await Eventually.HoldsAsync(() => Task.FromResult(dispatched.Sum == 2));
        Assert.Equal(0, WaitingIn(backlog, community));
    }

    private static double WaitingIn(InstrumentRecorder backlog, string community)
    {
        backlog.Clear();
        backlog.Observe();
        return backlog.Measurements.Single(m => Equals(m.Tags["community"], community)).Value;
    }
}
