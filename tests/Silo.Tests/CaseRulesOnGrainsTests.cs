using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Ladder;
using Gongzhi.Refusals;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>The Wenshang model's rules as the grains carry them out together: dispatch, duty, the ladder, deadlines, merging.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseRulesOnGrainsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly CaseActor Dispatcher = CaseActor.Staff("dispatcher", "d1");

    private IClusterClient Client => fixture.Client;

    private async Task<(string Community, CaseSubmission Submission, ICaseGrain Grain)> SubmitAsync(params CadreProfile[] cadres)
    {
        var community = await fixture.NewCommunityAsync(cadres);
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        return (community, submission, grain);
    }

    private async Task<int> LoadAsync(string community, string cadre) =>
        (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single(r => r.Id == cadre).Load;

    [Fact]
    public async Task A_declined_case_goes_to_the_next_eligible_cadre_and_both_loads_stay_right()
    {
        string wang = UniqueCadreId("wang"), li = UniqueCadreId("li");
        var (community, _, grain) = await SubmitAsync(Cadre(wang, true, "heating"), Cadre(li, true, "heating"));
        var first = (await grain.GetAsync())!.AssigneeId!;
        var other = first == wang ? li : wang;

        var declined = await grain.DeclineAsync(first, "在外地");

        Assert.Equal(other, declined.Case!.AssigneeId);
        Assert.Equal([CaseEventType.Declined, CaseEventType.Assigned], declined.Case.Timeline.TakeLast(2).Select(e => e.Type));
        Assert.Equal(0, await LoadAsync(community, first));
        Assert.Equal(1, await LoadAsync(community, other));

        var again = await grain.DeclineAsync(other, "也不行");
        Assert.Null(again.Case!.AssigneeId);
        Assert.Equal(CaseEventType.Waiting, again.Case.Timeline[^1].Type);
        Assert.Equal(0, await LoadAsync(community, other));
    }

    [Fact]
    public async Task A_cadre_at_their_maximum_of_open_cases_is_passed_over()
    {
        var full = UniqueCadreId("full");
        var community = await fixture.NewCommunityAsync(Cadre(full, true, "heating") with { MaxOpenCases = 1 });
        var one = fixture.Submission(community);
        var two = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(one.CaseId).SubmitAsync(one);
        await Client.GetGrain<ICaseGrain>(two.CaseId).SubmitAsync(two);

        Assert.Equal(full, (await Client.GetGrain<ICaseGrain>(one.CaseId).GetAsync())!.AssigneeId);
        Assert.Null((await Client.GetGrain<ICaseGrain>(two.CaseId).GetAsync())!.AssigneeId);

        await Client.GetGrain<ICaseGrain>(one.CaseId).AcknowledgeAsync(full);
        await Client.GetGrain<ICaseGrain>(one.CaseId).ResolveAsync(CaseActor.Cadre(full), "done");
        Assert.Equal(full, (await WaitForAsync(two.CaseId, s => s.AssigneeId is not null)).AssigneeId);
    }

    [Fact]
    public async Task A_dispatcher_assigns_by_hand_but_not_to_a_volunteer_outside_their_categories()
    {
        string wang = UniqueCadreId("wang"), volunteer = UniqueCadreId("vol");
        var (community, _, grain) = await SubmitAsync(
            Cadre(wang, true, "heating"), Cadre(volunteer, true, "certificates") with { IsVolunteer = true });

        var refused = await grain.AssignAsync(Dispatcher, volunteer);
        Assert.Equal(CommandOutcome.Conflict, refused.Outcome);
        Assert.Equal(RefusalCodes.VolunteerCategory, refused.Refusal!.Code);
        Assert.Equal("certificates", refused.Refusal.Args["categories"]);

        var other = UniqueCadreId("li");
        var info = Info(community);
        await Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(info,
            [Cadre(wang, true, "heating"), Cadre(volunteer, true, "certificates") with { IsVolunteer = true }, Cadre(other, true, "certificates")]));
        var moved = await grain.AssignAsync(Dispatcher, other);
        Assert.Equal(other, moved.Case!.AssigneeId);
        Assert.Equal(CaseEventType.Reassigned, moved.Case.Timeline[^1].Type);
        Assert.Equal(0, await LoadAsync(community, wang));
        Assert.Equal(1, await LoadAsync(community, other));
    }

    [Fact]
    public async Task Shifts_put_cadres_on_and_off_duty_and_a_manual_switch_holds_until_the_next_shift_change()
    {
        var shift = UniqueCadreId("shift");
        // Friday 16:00 in the county: inside the 08:00-18:00 weekday shift.
        fixture.Time.AdvanceToNext(new TimeOnly(16, 0), DayOfWeek.Friday);
        var community = await fixture.NewCommunityAsync(Cadre(shift, false, "heating"));
        var grain = Client.GetGrain<ICommunityGrain>(community);
        await grain.ApplyShiftsAsync();
        Assert.False((await grain.GetRosterAsync()).Single().OnDuty);

        fixture.Time.Advance(TimeSpan.FromHours(3));
        await grain.ApplyShiftsAsync();
        Assert.False((await grain.GetRosterAsync()).Single().OnDuty);

        await grain.SetDutyAsync(shift, true);
        await grain.ApplyShiftsAsync();
        Assert.True((await grain.GetRosterAsync()).Single().OnDuty);
        Assert.True((await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(shift))!.OnDuty);
    }

    [Fact]
    public async Task A_shift_starting_puts_the_cadre_on_duty_and_takes_waiting_cases()
    {
        var morning = UniqueCadreId("morning");
        var community = await fixture.NewCommunityAsync(Cadre(morning, false, "heating") with
        {
            Shifts = [new DutyShift([1, 2, 3, 4, 5, 6, 7], TimeOnly.FromTimeSpan(TimeSpan.FromHours(0)), TimeOnly.FromTimeSpan(TimeSpan.FromHours(0.5)))],
        });
        var grain = Client.GetGrain<ICommunityGrain>(community);
        await grain.ApplyShiftsAsync();
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        // Run the clock past the next local midnight, when the 00:00-00:30 shift starts.
        fixture.Time.AdvanceToNext(new TimeOnly(0, 1));
        await grain.ApplyShiftsAsync();

        Assert.True((await grain.GetRosterAsync()).Single().OnDuty);
        Assert.Equal(morning, (await WaitForAsync(submission.CaseId, s => s.AssigneeId is not null)).AssigneeId);
    }

    [Fact]
    public async Task Escalation_moves_the_case_into_its_levels_queue_and_handing_back_takes_it_out()
    {
        var (_, submission, grain) = await SubmitAsync(Cadre(UniqueCadreId("wang"), true, "heating"));

        await grain.EscalateAsync(Dispatcher, "需要街道协调");
        Assert.Contains(submission.CaseId, await Client.GetGrain<ILevelQueueGrain>("sub-1").GetAsync());

        var up = await grain.EscalateAsync(CaseActor.Staff("dispatcher", "sub-official"), "需要热力公司");
        Assert.Equal("dept-heating", up.Case!.LevelOwnerId);
        Assert.DoesNotContain(submission.CaseId, await Client.GetGrain<ILevelQueueGrain>("sub-1").GetAsync());
        Assert.Contains(submission.CaseId, await Client.GetGrain<ILevelQueueGrain>("dept-heating").GetAsync());

        await grain.ReturnAsync(CaseActor.Staff("department", "heating"), "已派人，请街道跟进");
        Assert.Contains(submission.CaseId, await Client.GetGrain<ILevelQueueGrain>("sub-1").GetAsync());
        Assert.DoesNotContain(submission.CaseId, await Client.GetGrain<ILevelQueueGrain>("dept-heating").GetAsync());

        await grain.ResolveAsync(CaseActor.Staff("dispatcher", "sub-official"), "街道协调解决");
        Assert.Equal(CaseLevel.Subdistrict, (await grain.GetAsync())!.ResolvedAtLevel);
    }

    [Fact]
    public async Task Missed_deadlines_escalate_and_an_unrated_case_closes_as_no_response()
    {
        var wang = UniqueCadreId("wang");
        var (community, submission, grain) = await SubmitAsync(Cadre(wang, true, "heating"));
        await grain.AcknowledgeAsync(wang);

        fixture.Time.Advance(TimeSpan.FromHours(25));
        await grain.CheckDeadlinesAsync();
        var escalated = (await grain.GetAsync())!;
        Assert.Equal(CaseLevel.Subdistrict, escalated.Level);
        Assert.Contains(escalated.Timeline, e => e.Type == CaseEventType.ResolveOverdue);

        await grain.ResolveAsync(CaseActor.Staff("dispatcher", "sub-official"), "已解决");
        fixture.Time.Advance(TimeSpan.FromDays(7));
        await grain.CheckDeadlinesAsync();

        var closed = (await grain.GetAsync())!;
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(CaseClosure.NoResponse, closed.Closure);
        Assert.DoesNotContain(submission.CaseId, await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
        Assert.DoesNotContain(submission.CaseId, await Client.GetGrain<ILevelQueueGrain>("sub-1").GetAsync());
    }

    [Fact]
    public async Task A_second_report_of_the_same_place_is_suggested_as_a_duplicate_and_merging_makes_it_follow_the_first()
    {
        var (community, first, firstGrain) = await SubmitAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var second = fixture.Submission(community);
        var secondGrain = Client.GetGrain<ICaseGrain>(second.CaseId);
        await secondGrain.SubmitAsync(second);

        Assert.Equal([first.CaseId], (await secondGrain.GetAsync())!.PossibleDuplicates);

        var merged = await secondGrain.MergeIntoAsync(Dispatcher, first.CaseId);
        Assert.Equal(CaseClosure.Merged, merged.Case!.Closure);
        Assert.Equal([second.CaseId], (await firstGrain.GetAsync())!.Followers);
        Assert.Equal([first.CaseId], await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
    }

    [Fact]
    public async Task Only_open_cases_of_the_same_category_and_compound_are_suggested_as_duplicates()
    {
        var (community, first, firstGrain) = await SubmitAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var elsewhere = fixture.Submission(community) with { Location = new CaseLocation("west", "1", null) };
        await Client.GetGrain<ICaseGrain>(elsewhere.CaseId).SubmitAsync(elsewhere);
        var second = fixture.Submission(community);
        var secondGrain = Client.GetGrain<ICaseGrain>(second.CaseId);
        await secondGrain.SubmitAsync(second);
        await secondGrain.MergeIntoAsync(Dispatcher, first.CaseId);

        var third = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(third.CaseId).SubmitAsync(third);

        Assert.Empty((await Client.GetGrain<ICaseGrain>(elsewhere.CaseId).GetAsync())!.PossibleDuplicates);
        Assert.Equal([first.CaseId], (await Client.GetGrain<ICaseGrain>(third.CaseId).GetAsync())!.PossibleDuplicates);
    }

    [Fact]
    public async Task A_stale_expected_seq_is_refused_and_changes_nothing()
    {
        var wang = UniqueCadreId("wang");
        var (_, _, grain) = await SubmitAsync(Cadre(wang, true, "heating"));

        var stale = await grain.AcknowledgeAsync(wang, expectedSeq: 2);

        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Equal(CaseStatus.Assigned, (await grain.GetAsync())!.Status);
        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(wang, expectedSeq: 3)).Outcome);
    }

    private Task<CaseSnapshot> WaitForAsync(string caseId, Func<CaseSnapshot, bool> condition) => Client.CaseWhenAsync(caseId, condition);
}
