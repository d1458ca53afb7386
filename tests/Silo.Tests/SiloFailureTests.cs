using System.Collections.Concurrent;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Intake;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Silo.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// Silos killed under the grains, on a cluster of three: whichever silo held the community, a case or the
/// registry, every submission becomes exactly one dispatched case, every staff action that was answered is in
/// its case's timeline once, and pushes resume.
/// </summary>
public sealed class SiloFailureTests : IAsyncLifetime
{
    private readonly ThreeSiloCluster _cluster = new();
    private readonly FakeTimeProvider _submittedAt = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private IClusterClient Client => _cluster.Client;

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    private CaseSubmission Submission(string community) =>
        new(Guid.NewGuid().ToString("N")[..16], community, CaseKind.Service, "heating", "暖气不热",
            new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, _submittedAt.GetUtcNow());

    [Fact]
    public async Task Killing_the_silo_that_hosts_the_community_during_intake_loses_and_doubles_no_case()
    {
        var (community, _) = await _cluster.NewCommunityAsync(cadres: 5);
        var submissions = Enumerable.Range(0, 90).Select(_ => Submission(community)).ToArray();
        // Storage also refuses the first writes of some cases, more times in a row than any fixed retry count would allow.
        foreach (var s in submissions.Take(10))
        {
            _cluster.Faults.Inject(c => c.IsWrite && c.StateName == "case" && c.Key == s.CaseId, StorageFault.FailsBeforeStoring, times: 6);
        }

        foreach (var message in submissions.Chunk(3))
        {
            await _cluster.Intake.SendMessageAsync(IntakeMessage.Compose(message.Select(IntakeMessage.ToJson)));
        }

        var grain = Client.GetGrain<ICommunityGrain>(community);
        await Eventually.HoldsAsync(async () => (await grain.GetOpenCasesAsync()).Count >= 10, "the first cases arrive");
        await _cluster.KillHostOfAsync(grain);

        // Every case is accepted and dispatched: given to a cadre, or waiting for one (5 cadres carry at most 40).
        await Eventually.HoldsAsync(async () =>
        {
            var cases = await Task.WhenAll(submissions.Select(s => Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync()));
            return cases.All(c => c is { Status: CaseStatus.Assigned } or { Status: CaseStatus.Accepted, Timeline: [.., { Type: CaseEventType.Waiting }] });
        }, "every case is dispatched");
        foreach (var s in submissions)
        {
            var theCase = (await Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())!;
            Assert.Single(theCase.Timeline, e => e.Type == CaseEventType.Submitted);
        }

        // Read the community as storage keeps it: a silo killed in-process can finish a turn or two after the kill,
        // which a real SIGKILL cannot, and the activation that replaced it would not see those writes until its own
        // next write met their ETag (then it reloads).
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var open = await grain.GetOpenCasesAsync();
        var missing = submissions.Where(s => !open.Contains(s.CaseId)).Select(s => s.CaseId).ToArray();
        var described = await Task.WhenAll(missing.Select(async id => $"{id}: {string.Join(" ", (await Client.GetGrain<ICaseGrain>(id).GetAsync())!.Timeline.Select(e => $"{e.Seq}:{e.Type}:{e.Actor}"))}"));
        Assert.True(missing.Length == 0, "Missing from the community's open cases: " + string.Join("; ", described));
        Assert.Equal(submissions.Length, open.Count);
        Assert.Equal(40, (await grain.GetRosterAsync()).Sum(r => r.Load));
        await Eventually.HoldsAsync(async () => (await _cluster.Intake.PeekMessagesAsync()).Value.Length == 0, "the intake queue empties");
        Assert.Empty((await _cluster.Poison.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_case_during_staff_actions_leaves_each_answered_action_in_its_timeline_once()
    {
        var (community, _) = await _cluster.NewCommunityAsync(cadres: 5);
        var submissions = Enumerable.Range(0, 30).Select(_ => Submission(community)).ToArray();
        await Task.WhenAll(submissions.Select(s => Client.GetGrain<ICaseGrain>(s.CaseId).SubmitAsync(s)));
        var cases = (await Task.WhenAll(submissions.Select(s => Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync()))).Select(c => c!).ToArray();
        // Some acknowledgements are stored but their answers lost on the way back from storage.
        foreach (var c in cases.Skip(20))
        {
            _cluster.Faults.Inject(call => call.IsWrite && call.StateName == "case" && call.Key == c.CaseId, StorageFault.TimesOutAfterStoring);
        }

        // Every assigned cadre acknowledges at once, and the silo of the first case dies meanwhile.
        var acknowledging = cases.Select(c => Outcome(() => Client.GetGrain<ICaseGrain>(c.CaseId).AcknowledgeAsync(c.AssigneeId!))).ToArray();
        await _cluster.KillHostOfAsync(Client.GetGrain<ICaseGrain>(cases[0].CaseId));
        var first = await Task.WhenAll(acknowledging);

        // What was answered Ok is stored; what failed is asked again, as a cadre's phone would.
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var acknowledged = first[i] == CommandOutcome.Ok;
            await Eventually.HoldsAsync(async () =>
            {
                if (!acknowledged)
                {
                    var retry = await Client.GetGrain<ICaseGrain>(c.CaseId).AcknowledgeAsync(c.AssigneeId!);
                    acknowledged = retry.Outcome == CommandOutcome.Ok || (await Client.GetGrain<ICaseGrain>(c.CaseId).GetAsync())!.Status == CaseStatus.Acknowledged;
                }

                return acknowledged;
            }, $"case {c.CaseId} is acknowledged");
            var stored = (await Client.GetGrain<ICaseGrain>(c.CaseId).GetAsync())!;
            Assert.Equal(CaseStatus.Acknowledged, stored.Status);
            Assert.Single(stored.Timeline, e => e.Type == CaseEventType.Acknowledged);
        }

        // Later actions still store: no case kept an ETag that storage moved past.
        foreach (var c in cases)
        {
            await Eventually.HoldsAsync(async () =>
                (await Client.GetGrain<ICaseGrain>(c.CaseId).ResolveAsync(CaseActor.Cadre(c.AssigneeId!), "已修好")).Outcome == CommandOutcome.Ok
                || (await Client.GetGrain<ICaseGrain>(c.CaseId).GetAsync())!.Status == CaseStatus.Resolved, $"case {c.CaseId} is resolved");
        }

        // As storage keeps it (see the intake test).
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Sum(r => r.Load));
    }

    [Fact]
    public async Task After_the_registry_silo_dies_a_gateway_that_registers_again_receives_the_pushes_of_new_cases()
    {
        var (community, _) = await _cluster.NewCommunityAsync(cadres: 2);
        var observer = new Listener();
        var reference = Client.CreateObjectReference<IDispatchObserver>(observer);
        var registry = Client.GetGrain<IDispatchRegistryGrain>(0);
        await registry.RegisterAsync("gateway-1", reference);

        await _cluster.KillHostOfAsync(registry);

        var submission = Submission(community);
        // A gateway renews its registration every few seconds; the renewal re-creates the registry on a live silo.
        await Eventually.HoldsAsync(async () =>
        {
            await registry.RegisterAsync("gateway-1", reference);
            await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
            return observer.Updates.Any(u => u.CaseId == submission.CaseId && u.Status == CaseStatus.Assigned);
        }, "the new case's assignment is pushed");
    }

    private static async Task<CommandOutcome?> Outcome(Func<Task<CaseCommandResult>> command)
    {
        try
        {
            return (await command()).Outcome;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private sealed class Listener : IDispatchObserver
    {
        public ConcurrentQueue<CaseUpdate> Updates { get; } = new();

        public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates)
        {
            foreach (var u in updates)
            {
                Updates.Enqueue(u);
            }

            return Task.CompletedTask;
        }

        public Task OnRosterChangedAsync(RosterEntry entry) => Task.CompletedTask;

        public Task OnMetricsChangedAsync(string communityId, KpiSummary summary) => Task.CompletedTask;

        public Task OnSurgeAlertAsync(Gongzhi.Communities.SurgeAlert alert) => Task.CompletedTask;

        public Task OnInvitationAsync(Invitation invitation) => Task.CompletedTask;

        public Task OnCallAsync(Gongzhi.Realtime.CallMessage message) => Task.CompletedTask;

        public Task OnSessionsEndedAsync(string username, string? sessionId) => Task.CompletedTask;
    }
}
