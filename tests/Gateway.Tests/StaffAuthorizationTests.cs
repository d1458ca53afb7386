using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Gateway.Auth;
using Gongzhi.VideoPetitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Who may do what, asked of the gateway's authorization handlers as the routes and the hub ask them. The community
/// <c>east</c> lies in sub-district <c>sd</c> of county <c>county</c>.
/// </summary>
public sealed class StaffAuthorizationTests
{
    private static readonly CommunityInfo East = new("east", "East", "East", "sd", "county", [], []);

    private readonly IAuthorizationService _auth = new ServiceCollection().AddLogging().AddStaffAuthorization()
        .BuildServiceProvider().GetRequiredService<IAuthorizationService>();

    [Theory]
    [InlineData("dispatcher", "east", true)]
    [InlineData("dispatcher", "sd", true)]
    [InlineData("dispatcher", "county", true)]
    [InlineData("dispatcher", "west", false)]
    [InlineData("admin", "anywhere", true)]
    [InlineData("cadre", "east", false)]
    [InlineData("leader", "county", false)]
    public async Task A_community_is_dispatched_by_its_dispatchers_and_admins(string role, string scope, bool allowed) =>
        Assert.Equal(allowed, await AllowsAsync(Staff(role, "s1", scope), East.Place(), StaffOperations.DispatchCommunity));

    [Theory]
    [InlineData("department", "dept-water", true)]
    [InlineData("leader", "dept-water", true)]
    [InlineData("dispatcher", "dept-water", true)]
    [InlineData("department", "dept-roads", false)]
    [InlineData("cadre", "dept-water", false)]
    [InlineData("admin", "anywhere", true)]
    public async Task A_level_is_watched_by_its_officials(string role, string scope, bool allowed) =>
        Assert.Equal(allowed, await AllowsAsync(Staff(role, "s1", scope), new LevelOwner("dept-water"), StaffOperations.WatchLevel));

    [Fact]
    public async Task A_case_is_seen_by_its_cadre_its_dispatchers_and_officials_of_its_level()
    {
        var atSubdistrict = Case(assignee: "c1") with { Level = CaseLevel.Subdistrict, LevelOwnerId = "sd" };
        var access = new CaseAccess(atSubdistrict, East);

        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), access, StaffOperations.SeeCase));
        Assert.False(await AllowsAsync(Staff("cadre", "c2", "east"), access, StaffOperations.SeeCase));
        Assert.True(await AllowsAsync(Staff("dispatcher", "d1", "east"), access, StaffOperations.SeeCase));
        Assert.True(await AllowsAsync(Staff("department", "x", "sd"), access, StaffOperations.SeeCase));
        Assert.False(await AllowsAsync(Staff("dispatcher", "d2", "west"), access, StaffOperations.SeeCase));
    }

    [Fact]
    public async Task Only_the_community_s_dispatchers_assign_change_mode_and_merge()
    {
        var access = new CaseAccess(Case(assignee: "c1"), East);

        Assert.True(await AllowsAsync(Staff("dispatcher", "d1", "sd"), access, StaffOperations.DispatchCase));
        Assert.False(await AllowsAsync(Staff("cadre", "c1", "east"), access, StaffOperations.DispatchCase));
        Assert.False(await AllowsAsync(Staff("dispatcher", "d1", "east"), access with { Community = null }, StaffOperations.DispatchCase));
    }

    [Fact]
    public async Task At_the_community_the_cadre_resolves_and_above_it_an_official_of_the_level()
    {
        var atCommunity = new CaseAccess(Case(assignee: "c1"), East);
        var atDepartment = new CaseAccess(Case(assignee: "c1") with { Level = CaseLevel.Department, LevelOwnerId = "dept-water" }, East);

        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), atCommunity, StaffOperations.ResolveCase));
        Assert.False(await AllowsAsync(Staff("dispatcher", "d1", "east"), atCommunity, StaffOperations.ResolveCase));
        Assert.True(await AllowsAsync(Staff("department", "w", "dept-water"), atDepartment, StaffOperations.ResolveCase));
        Assert.False(await AllowsAsync(Staff("department", "r", "dept-roads"), atDepartment, StaffOperations.ResolveCase));
    }

    [Fact]
    public async Task The_cadre_the_community_s_dispatchers_or_an_official_of_the_level_escalate()
    {
        var atCommunity = new CaseAccess(Case(assignee: "c1"), East);
        var atSubdistrict = new CaseAccess(Case(assignee: "c1") with { Level = CaseLevel.Subdistrict, LevelOwnerId = "sd" }, East);

        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), atCommunity, StaffOperations.EscalateCase));
        Assert.True(await AllowsAsync(Staff("dispatcher", "d1", "east"), atCommunity, StaffOperations.EscalateCase));
        Assert.False(await AllowsAsync(Staff("dispatcher", "d1", "east"), atSubdistrict, StaffOperations.EscalateCase));
        Assert.True(await AllowsAsync(Staff("dispatcher", "d2", "sd"), atSubdistrict, StaffOperations.EscalateCase));
        Assert.False(await AllowsAsync(Staff("cadre", "c2", "east"), atCommunity, StaffOperations.EscalateCase));
    }

    [Fact]
    public async Task Only_an_official_above_the_community_hands_a_case_down_or_attaches_a_photo_for_it()
    {
        var atCommunity = new CaseAccess(Case(assignee: "c1"), East);
        var atSubdistrict = new CaseAccess(Case(assignee: "c1") with { Level = CaseLevel.Subdistrict, LevelOwnerId = "sd" }, East);
        var official = Staff("dispatcher", "d2", "sd");

        Assert.True(await AllowsAsync(official, atSubdistrict, StaffOperations.ReturnCase));
        Assert.False(await AllowsAsync(Staff("admin", "a", "any"), atCommunity, StaffOperations.ReturnCase));
        Assert.True(await AllowsAsync(official, atSubdistrict, StaffOperations.AttachPhoto));
        Assert.False(await AllowsAsync(Staff("dispatcher", "d1", "east"), atCommunity, StaffOperations.AttachPhoto));
        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), atCommunity, StaffOperations.AttachPhoto));
        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), atCommunity, StaffOperations.AskForVideoPetition));
        Assert.False(await AllowsAsync(official, atSubdistrict, StaffOperations.AskForVideoPetition));
    }

    [Fact]
    public async Task A_cadre_s_page_is_theirs_and_their_dispatchers()
    {
        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), new CadreAccess("c1", East), StaffOperations.ManageCadre));
        Assert.False(await AllowsAsync(Staff("cadre", "c2", "east"), new CadreAccess("c1", East), StaffOperations.ManageCadre));
        Assert.True(await AllowsAsync(Staff("dispatcher", "d1", "east"), new CadreAccess("c1", East), StaffOperations.ManageCadre));
        Assert.False(await AllowsAsync(Staff("dispatcher", "d1", "east"), new CadreAccess("c1", null), StaffOperations.ManageCadre));
    }

    [Fact]
    public async Task A_video_petition_is_taken_by_its_level_and_its_outcome_recorded_by_who_took_it()
    {
        var requested = Petition(official: null);
        var scheduled = Petition(official: CaseActor.Staff("department", "w1"));

        Assert.True(await AllowsAsync(Staff("department", "w2", "dept-water"), new VideoPetitionAccess(requested), StaffOperations.AcceptVideoPetition));
        Assert.False(await AllowsAsync(Staff("department", "r", "dept-roads"), new VideoPetitionAccess(requested), StaffOperations.AcceptVideoPetition));
        Assert.True(await AllowsAsync(Staff("department", "w1", "dept-water"), new VideoPetitionAccess(scheduled), StaffOperations.RecordVideoPetitionOutcome));
        Assert.False(await AllowsAsync(Staff("department", "w2", "dept-water"), new VideoPetitionAccess(scheduled), StaffOperations.RecordVideoPetitionOutcome));
        Assert.True(await AllowsAsync(Staff("admin", "a", "any"), new VideoPetitionAccess(scheduled), StaffOperations.RecordVideoPetitionOutcome));
        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), new VideoPetitionAccess(requested), StaffOperations.CancelVideoPetition));
        Assert.False(await AllowsAsync(Staff("cadre", "c2", "east"), new VideoPetitionAccess(requested), StaffOperations.CancelVideoPetition));
    }

    [Fact]
    public async Task A_video_petition_is_seen_by_staff_who_may_see_its_case()
    {
        var petition = Petition(official: null);
        var dispatcher = Staff("dispatcher", "d1", "east");

        Assert.False(await AllowsAsync(dispatcher, new VideoPetitionAccess(petition), StaffOperations.SeeVideoPetition));
        Assert.True(await AllowsAsync(dispatcher, new VideoPetitionAccess(petition, Case(assignee: "c1"), East), StaffOperations.SeeVideoPetition));
    }

    [Fact]
    public async Task A_consultation_is_seen_by_its_parties_and_the_community_s_staff_and_concluded_by_its_dispatchers()
    {
        var consultation = new ConsultationAccess(Consultation(partyAccount: "resident-rep"), East);

        Assert.True(await AllowsAsync(Staff("department", "resident-rep", "dept-water"), consultation, StaffOperations.SeeConsultation));
        Assert.True(await AllowsAsync(Staff("cadre", "c1", "east"), consultation, StaffOperations.SeeConsultation));
        Assert.False(await AllowsAsync(Staff("cadre", "c1", "west"), consultation, StaffOperations.SeeConsultation));
        Assert.True(await AllowsAsync(Staff("dispatcher", "d1", "east"), consultation, StaffOperations.RecordMinutes));
        Assert.False(await AllowsAsync(Staff("cadre", "c1", "east"), consultation, StaffOperations.RecordMinutes));
    }

    [Theory]
    [InlineData("cadre", StaffAuthorization.CadrePolicy, true)]
    [InlineData("dispatcher", StaffAuthorization.CadrePolicy, false)]
    [InlineData("dispatcher", StaffAuthorization.PoisonReaderPolicy, true)]
    [InlineData("admin", StaffAuthorization.PoisonReaderPolicy, true)]
    [InlineData("leader", StaffAuthorization.PoisonReaderPolicy, false)]
    [InlineData("admin", StaffAuthorization.AdminPolicy, true)]
    [InlineData("dispatcher", StaffAuthorization.AdminPolicy, false)]
    public async Task Some_routes_are_for_some_roles(string role, string policy, bool allowed) =>
        Assert.Equal(allowed, (await _auth.AuthorizeAsync(Staff(role, "s1", "east"), policy)).Succeeded);

    private async Task<bool> AllowsAsync(ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation) =>
        (await _auth.AuthorizeAsync(user, resource, operation)).Succeeded;

    private static ClaimsPrincipal Staff(string role, string subject, string scope) =>
        new(new ClaimsIdentity(
            [new Claim(StaffRoles.RoleClaim, role), new Claim(StaffRoles.SubjectClaim, subject), new Claim(StaffRoles.ScopeClaim, scope)],
            "test", StaffRoles.SubjectClaim, StaffRoles.RoleClaim));

    private static CaseSnapshot Case(string? assignee) =>
        new CaseSnapshot("case-1", "east", CaseKind.Grievance, "water", "No water", new CaseLocation("A", null, null), new ContactInfo("Li", "1"),
            CaseStatus.Assigned, HandlingMode.DoItNow, assignee, null, DateTimeOffset.UnixEpoch, null, [])
        {
            SubdistrictId = "sd",
            CountyId = "county",
        };

    private static VideoPetitionSnapshot Petition(CaseActor? official) =>
        new("p1", "case-1", "east", CaseLevel.Department, "dept-water", CaseActor.Cadre("c1"), "", [], DateTimeOffset.UnixEpoch,
            official is null ? VideoPetitionStatus.Requested : VideoPetitionStatus.Scheduled, null, official, null, null, null, null, null);

    private static ConsultationSnapshot Consultation(string partyAccount) =>
        new("k1", "east", [], "topic", DateTimeOffset.UnixEpoch, "hall", [new ConsultationParty("rep", "Rep", "resident", partyAccount)],
            CaseActor.Staff("dispatcher", "d1"), DateTimeOffset.UnixEpoch, ConsultationStatus.Convened, null, null, null, null, []);
}
