using System.Collections.Concurrent;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Consultations;
using Gongzhi.Realtime;
using Orleans.Core.Internal;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RegistryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_registered_gateway_hears_every_event_of_a_case_once()
    {
        var observer = new RecordingObserver();
        await using (await TestGateway.RegisterAsync(fixture.Client, observer))
        {
            var cadre = UniqueCadreId("wang");
            var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
            var submission = fixture.Submission(community);
            var grain = fixture.Client.GetGrain<ICaseGrain>(submission.CaseId);
            await grain.SubmitAsync(submission);
            await grain.AcknowledgeAsync(cadre);

            await observer.WaitUntilAsync(o => o.Updates.Count(u => u.CaseId == submission.CaseId) >= 4);
            // Orleans may deliver one-way messages out of order; the gateway's sequencer restores it.
            var mine = observer.Updates.Where(u => u.CaseId == submission.CaseId).OrderBy(u => u.Seq).ToArray();
            Assert.Equal([1, 2, 3, 4], mine.Select(u => u.Seq));
            Assert.Equal(CaseStatus.Acknowledged, mine[^1].Status);
            Assert.Equal(cadre, mine[^1].AssigneeId);
            Assert.Equal("干部" + cadre, mine[^1].Assignee);
            await observer.WaitUntilAsync(o => o.Roster.Any(r => r.Id == cadre && r.Load == 1));
            // Roster pushes may arrive out of order too: their versions say which is newest.
            var entries = observer.Roster.Where(r => r.Id == cadre).ToArray();
            Assert.All(entries, e => Assert.True(e.Version > 0));
            Assert.Equal(entries.Length, entries.Select(e => e.Version).Distinct().Count());
            Assert.Equal(1, entries.MaxBy(e => e.Version)!.Load);
        }
    }

    [Fact]
    public async Task A_fresh_registry_replays_what_it_published_to_gateways_registering_in_its_first_thirty_seconds()
    {
        // A registry of its own, fresh like the one a restarted silo starts with.
        var registry = fixture.Client.GetGrain<IDispatchRegistryGrain>(Random.Shared.NextInt64(1, long.MaxValue));
        var caseId = "r" + Guid.NewGuid().ToString("N")[..15];
        var at = fixture.Time.GetUtcNow();
        await registry.PublishCaseUpdatesAsync([Update(caseId, 1, at), Update(caseId, 2, at)]);

        var early = new RecordingObserver();
        var earlyReference = fixture.Client.CreateObjectReference<IDispatchObserver>(early);
        await registry.RegisterAsync("gw-early", earlyReference);
        await early.WaitUntilAsync(o => o.Updates.Count(u => u.CaseId == caseId) == 2);

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var late = new RecordingObserver();
        var lateReference = fixture.Client.CreateObjectReference<IDispatchObserver>(late);
        await registry.RegisterAsync("gw-late", lateReference);
        await registry.PublishCaseUpdatesAsync([Update(caseId, 3, at)]);
        await late.WaitUntilAsync(o => o.Updates.Any(u => u.CaseId == caseId));

        Assert.Equal([3], late.Updates.Where(u => u.CaseId == caseId).Select(u => u.Seq));
        fixture.Client.DeleteObjectReference<IDispatchObserver>(earlyReference);
        fixture.Client.DeleteObjectReference<IDispatchObserver>(lateReference);
    }

    [Fact]
    public async Task A_registry_answers_the_same_epoch_to_renewals_and_a_new_one_once_re_activated()
    {
        // A registry of its own, so that re-activating it disturbs no other test.
        var registry = fixture.Client.GetGrain<IDispatchRegistryGrain>(Random.Shared.NextInt64(1, long.MaxValue));
        var reference = fixture.Client.CreateObjectReference<IDispatchObserver>(new RecordingObserver());
        var first = await registry.RegisterAsync("gw-epoch", reference);
        Assert.Equal(first, await registry.RegisterAsync("gw-epoch", reference));

        await registry.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await registry.RegisterAsync("gw-epoch", reference);

        Assert.NotEqual(first, after);
        Assert.Equal(after, await registry.RegisterAsync("gw-epoch", reference));
        fixture.Client.DeleteObjectReference<IDispatchObserver>(reference);
    }

    private static CaseUpdate Update(string caseId, int seq, DateTimeOffset at) =>
        new(caseId, "c-replay", seq, CaseStatus.Accepted, HandlingMode.DoItNow, null, null,
            new CaseEvent(seq, CaseEventType.Accepted, CaseStatus.Accepted, at, "system", null, null), at);

    [Fact]
    public async Task A_registered_gateway_hears_invitations()
    {
        var observer = new RecordingObserver();
        await using (await TestGateway.RegisterAsync(fixture.Client, observer))
        {
            var consultationId = Guid.NewGuid().ToString("N");
            await fixture.Client.GetGrain<IDispatchRegistryGrain>(0).PublishInvitationAsync(new Invitation(consultationId, "业委会选举", fixture.Time.GetUtcNow().AddDays(1), "社区会议室", "housing-liaison"));

            await observer.WaitUntilAsync(o => o.Invitations.Any(i => i.ConsultationId == consultationId));
            Assert.Equal("housing-liaison", observer.Invitations.Single(i => i.ConsultationId == consultationId).AccountId);
        }
    }

    [Fact]
    public async Task A_gateway_that_stops_renewing_is_forgotten_after_thirty_seconds()
    {
        var registry = fixture.Client.GetGrain<IDispatchRegistryGrain>(0);
        var reference = fixture.Client.CreateObjectReference<IDispatchObserver>(new RecordingObserver());
        var before = await registry.CountAsync();
        await registry.RegisterAsync("gw-silent-" + Guid.NewGuid().ToString("N"), reference);
        Assert.Equal(before + 1, await registry.CountAsync());

        fixture.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(0, await registry.CountAsync());
        fixture.Client.DeleteObjectReference<IDispatchObserver>(reference);
    }
}
