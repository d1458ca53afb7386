using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Ladder;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// Storage that fails under the grains: a write refused, a write stored whose answer was lost, a chunk orphaned by a
/// failed main row. Whatever happens, a case is in storage as the grains say it is, once, and a retry is safe.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageFaultTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly CaseActor Dispatcher = CaseActor.Staff("dispatcher", "d1");

    private IClusterClient Client => fixture.Client;

    private static Func<StorageCall, bool> WriteOf(string key, string stateName) => c => c.IsWrite && c.Key == key && c.StateName == stateName;

    private async Task<(string Community, string Cadre, CaseSubmission Submission, ICaseGrain Grain)> SubmittedAsync()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        return (community, cadre, submission, grain);
    }

    [Fact]
    public async Task A_staff_action_whose_write_fails_is_not_shown_as_done_and_its_retry_records_it_once()
    {
        var (_, cadre, submission, grain) = await SubmittedAsync();
        fixture.Faults.Inject(WriteOf(submission.CaseId, "case"), StorageFault.FailsBeforeStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.AcknowledgeAsync(cadre));

        Assert.Equal(CaseStatus.Assigned, (await grain.GetAsync())!.Status);
        var retried = await grain.AcknowledgeAsync(cadre);
        Assert.Equal(CommandOutcome.Ok, retried.Outcome);
        Assert.Single((await grain.GetAsync())!.Timeline, e => e.Type == CaseEventType.Acknowledged);
    }

    [Fact]
    public async Task A_staff_action_stored_though_its_answer_was_lost_shows_once_and_later_actions_still_store()
    {
        var (community, cadre, submission, grain) = await SubmittedAsync();
        fixture.Faults.Inject(WriteOf(submission.CaseId, "case"), StorageFault.TimesOutAfterStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.AcknowledgeAsync(cadre));

        var stored = (await grain.GetAsync())!;
        Assert.Equal(CaseStatus.Acknowledged, stored.Status);
        Assert.Single(stored.Timeline, e => e.Type == CaseEventType.Acknowledged);
        // The row's ETag moved under the grain; a grain that kept the old one would fail every write from here on.
        var resolved = await grain.ResolveAsync(CaseActor.Cadre(cadre), "已修好");
        Assert.Equal(CaseStatus.Resolved, resolved.Case!.Status);
        Assert.Equal(0, (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single(r => r.Id == cadre).Load);
    }

    [Fact]
    public async Task A_submission_stored_though_its_answer_was_lost_is_dispatched_once_when_redelivered()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        fixture.Faults.Inject(WriteOf(submission.CaseId, "case"), StorageFault.TimesOutAfterStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(submission));
        await grain.SubmitAsync(submission);

        var stored = (await grain.GetAsync())!;
        Assert.Equal(CaseStatus.Assigned, stored.Status);
        Assert.Single(stored.Timeline, e => e.Type == CaseEventType.Submitted);
        Assert.Single(stored.Timeline, e => e.Type == CaseEventType.Assigned);
        Assert.Equal([submission.CaseId], await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
        Assert.Equal(1, (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single(r => r.Id == cadre).Load);
    }

    [Fact]
    public async Task A_decline_whose_write_fails_leaves_the_case_with_its_cadre_and_no_load_counted_twice()
    {
        string wang = UniqueCadreId("wang"), li = UniqueCadreId("li");
        var community = await fixture.NewCommunityAsync(Cadre(wang, true, "heating"), Cadre(li, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        var first = (await grain.GetAsync())!.AssigneeId!;
        var other = first == wang ? li : wang;
        // The community releases the cadre and picks the other one; then the case's write fails.
        fixture.Faults.Inject(WriteOf(submission.CaseId, "case"), StorageFault.FailsBeforeStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.DeclineAsync(first, "在外地"));

        Assert.Equal(first, (await grain.GetAsync())!.AssigneeId);
        await Eventually.HoldsAsync(async () => await LoadsAsync(community) == (first == wang ? (1, 0) : (0, 1)), "the community settles back to the stored cadre");
        var retried = await grain.DeclineAsync(first, "在外地");
        Assert.Equal(other, retried.Case!.AssigneeId);
        Assert.Equal(first == wang ? (0, 1) : (1, 0), await LoadsAsync(community));

        async Task<(int Wang, int Li)> LoadsAsync(string id)
        {
            var roster = await Client.GetGrain<ICommunityGrain>(id).GetRosterAsync();
            return (roster.Single(r => r.Id == wang).Load, roster.Single(r => r.Id == li).Load);
        }
    }

    [Fact]
    public async Task A_chunk_orphaned_by_a_failed_main_row_does_not_stop_the_community_from_taking_cases()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        // The first dispatch inserts chunk 0, then fails to list it in the main row: the chunk is left behind.
        fixture.Faults.Inject(WriteOf(community, "community"), StorageFault.FailsBeforeStoring);
        var first = fixture.Submission(community);

        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetGrain<ICaseGrain>(first.CaseId).SubmitAsync(first));

        var later = Enumerable.Range(0, 3).Select(_ => fixture.Submission(community)).ToArray();
        foreach (var s in later.Prepend(first))
        {
            await Client.GetGrain<ICaseGrain>(s.CaseId).SubmitAsync(s);
        }

        Assert.Equal(later.Prepend(first).Select(s => s.CaseId).Order(), (await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync()).Order());
        Assert.Equal(4, (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single(r => r.Id == cadre).Load);
    }

    [Fact]
    public async Task An_escalation_whose_level_queue_cannot_be_written_reaches_the_queue_once_storage_recovers()
    {
        var (_, _, submission, grain) = await SubmittedAsync();
        fixture.Faults.Inject(WriteOf("sub-1", "level"), StorageFault.FailsBeforeStoring, times: 2);

        var escalated = await grain.EscalateAsync(Dispatcher, "需要街道协调");

        // The escalation is stored and answered; the queue hears of it from the case's retries.
        Assert.Equal(CaseLevel.Subdistrict, escalated.Case!.Level);
        await Eventually.HoldsAsync(async () => (await Client.GetGrain<ILevelQueueGrain>("sub-1").GetAsync()).Contains(submission.CaseId), "the level queue holds the case");
    }
}
