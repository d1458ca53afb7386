using Gongzhi.Administration;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Refusals;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>An admin changes a community's roster and standing parties while it runs; dispatch follows, the seeds do not undo it, the audit log has it once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AdminWorldTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly DutyShift Weekdays = new([1, 2, 3, 4, 5], new TimeOnly(8, 0), new TimeOnly(18, 0));
    private static readonly DutyShift Saturdays = new([6], new TimeOnly(8, 0), new TimeOnly(18, 0));

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_cadre_given_a_shift_that_is_not_now_goes_off_duty_at_once_and_the_next_case_goes_to_another()
    {
        fixture.Time.AdvanceToNext(new TimeOnly(10, 0), DayOfWeek.Wednesday);
        string moved = UniqueCadreId("moved"), stays = UniqueCadreId("stays");
        var community = await fixture.NewCommunityAsync(Cadre(moved, true, "heating"), Cadre(stays, true, "heating"));
        var grain = Client.GetGrain<ICommunityGrain>(community);

        var edit = await grain.PutCadreAsync(Cadre(moved, true, "heating") with { Shifts = [Saturdays] }, "admin");

        Assert.Equal(WorldEdit.Done, edit);
        Assert.False((await grain.GetRosterAsync()).Single(r => r.Id == moved).OnDuty);
        for (var i = 0; i < 2; i++)
        {
            var submission = fixture.Submission(community);
            await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
            Assert.Equal(stays, (await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.AssigneeId);
        }
    }

    [Fact]
    public async Task A_new_cadre_on_shift_takes_the_case_that_waited_for_someone()
    {
        fixture.Time.AdvanceToNext(new TimeOnly(10, 0), DayOfWeek.Wednesday);
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("cert"), true, "certificates"));
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        var newcomer = UniqueCadreId("new");

        await Client.GetGrain<ICommunityGrain>(community).PutCadreAsync(new CadreProfile(newcomer, "新干部", ["heating"], [Weekdays], false), "admin");

        var assigned = await Client.CaseWhenAsync(submission.CaseId, s => s.Status == CaseStatus.Assigned);
        Assert.Equal(newcomer, assigned.AssigneeId);
        Assert.Equal(community, await Client.GetGrain<Cadres.ICadreGrain>(newcomer).GetCommunityIdAsync());
    }

    [Fact]
    public async Task A_category_the_community_does_not_take_is_refused_naming_the_field()
    {
        var cadre = UniqueCadreId("c");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));

        var edit = await Client.GetGrain<ICommunityGrain>(community).PutCadreAsync(Cadre(cadre, true, "heating", "parking"), "admin");

        Assert.Equal(RefusalCodes.InvalidFields, edit.Refusal?.Code);
        Assert.Equal("categories[1]", edit.Refusal!.Args["field"]);
        Assert.Equal(["heating"], (await Client.GetGrain<ICommunityGrain>(community).GetProfilesAsync()).Single().Categories);
    }

    [Fact]
    public async Task A_cadre_with_open_cases_is_not_retired_and_one_without_leaves_the_roster_once()
    {
        fixture.Time.AdvanceToNext(new TimeOnly(10, 0), DayOfWeek.Wednesday);
        string busy = UniqueCadreId("busy"), idle = UniqueCadreId("idle");
        var community = await fixture.NewCommunityAsync(Cadre(busy, true, "heating"), Cadre(idle, true, "certificates"));
        var grain = Client.GetGrain<ICommunityGrain>(community);
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        var refused = await grain.RetireCadreAsync(busy, "admin");
        var retired = await grain.RetireCadreAsync(idle, "admin");
        var again = await grain.RetireCadreAsync(idle, "admin");

        Assert.Equal((CommandOutcome.Conflict, RefusalCodes.CadreHasOpenCases, "1"), (refused.Outcome, refused.Refusal?.Code, refused.Refusal?.Args["openCases"]));
        Assert.Equal(WorldEdit.Done, retired);
        Assert.Equal(WorldEdit.Done, again);
        Assert.Equal([busy], (await grain.GetRosterAsync()).Select(r => r.Id));
        Assert.Null(await grain.GetCadreAsync(idle));
        Assert.Equal(CommandOutcome.NotFound, (await grain.RetireCadreAsync(UniqueCadreId("nobody"), "admin")).Outcome);
        Assert.Single(await AuditOfAsync(idle), e => e.Action == "cadre-retire");
    }

    [Fact]
    public async Task The_same_change_sent_twice_is_made_and_audited_once_with_who_and_when()
    {
        var cadre = UniqueCadreId("twice");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var grain = Client.GetGrain<ICommunityGrain>(community);
        var change = Cadre(cadre, true, "heating", "certificates") with { IsVolunteer = true };

        await grain.PutCadreAsync(change, "admin-li");
        await grain.PutCadreAsync(change, "admin-li");

        var entry = Assert.Single(await AuditOfAsync(cadre));
        Assert.Equal(("admin-li", "cadre-update", fixture.Time.GetUtcNow()), (entry.Actor, entry.Action, entry.At));
        Assert.Contains("volunteer yes", entry.Detail);
        Assert.True((await grain.GetProfilesAsync()).Single().IsVolunteer);
    }

    [Fact]
    public async Task The_seeds_loaded_again_do_not_undo_an_admin_s_change_but_still_refresh_a_community_nobody_changed()
    {
        var cadre = UniqueCadreId("seeded");
        var changed = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var untouched = await fixture.NewCommunityAsync(Cadre(cadre + "u", true, "heating"));
        await Client.GetGrain<ICommunityGrain>(changed).PutCadreAsync(Cadre(cadre, true, "certificates"), "admin");
        ConsultationParty[] parties = [new("committee", "社区党委", "committee", null)];
        await Client.GetGrain<ICommunityGrain>(changed).SetStandingPartiesAsync(parties, "admin");

        await Client.GetGrain<ICommunityGrain>(changed).ConfigureAsync(new CommunityDefinition(Info(changed), [Cadre(cadre, true, "heating")]));
        await Client.GetGrain<ICommunityGrain>(untouched).ConfigureAsync(new CommunityDefinition(Info(untouched), [Cadre(cadre + "u", true, "dispute")]));

        Assert.Equal(["certificates"], (await Client.GetGrain<ICommunityGrain>(changed).GetProfilesAsync()).Single().Categories);
        Assert.Equal("committee", Assert.Single((await Client.GetGrain<ICommunityGrain>(changed).GetInfoAsync())!.StandingParties).Id);
        Assert.Equal(["dispute"], (await Client.GetGrain<ICommunityGrain>(untouched).GetProfilesAsync()).Single().Categories);
    }

    [Fact]
    public async Task An_admin_change_survives_the_community_s_reactivation()
    {
        var cadre = UniqueCadreId("kept");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var grain = Client.GetGrain<ICommunityGrain>(community);
        await grain.PutCadreAsync(Cadre(cadre, true, "dispute"), "admin");

        await fixture.Cluster.DeactivateAsync(grain);
        await grain.ConfigureAsync(new CommunityDefinition(Info(community), [Cadre(cadre, true, "heating")]));

        Assert.Equal(["dispute"], (await grain.GetProfilesAsync()).Single().Categories);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string target) =>
        (await Client.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(fixture.Time.GetUtcNow())).ReadAsync()).Where(e => e.Target == target).ToArray();
}
