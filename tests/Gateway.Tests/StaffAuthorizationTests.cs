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

    /// <summary>
    /// Who may do what to a case of <c>east</c> assigned to cadre c1, at the community, the sub-district <c>sd</c> or the
    /// department <c>dept-water</c>: the level holding the case acts (at the community its cadre, above it an official of that level).
    /// </summary>
    [Theory]
    [InlineData(nameof(StaffOperations.SeeCase), "subdistrict", "cadre", "c1", "east", true)]
    [InlineData(nameof(StaffOperations.SeeCase), "subdistrict", "cadre", "c2", "east", false)]
    [InlineData(nameof(StaffOperations.SeeCase), "subdistrict", "dispatcher", "d1", "east", true)]
    [InlineData(nameof(StaffOperations.SeeCase), "subdistrict", "department", "x", "sd", true)]
    [InlineData(nameof(StaffOperations.SeeCase), "subdistrict", "dispatcher", "d2", "west", false)]
    [InlineData(nameof(StaffOperations.DispatchCase), "community", "dispatcher", "d1", "sd", true)]
    [InlineData(nameof(StaffOperations.DispatchCase), "community", "cadre", "c1", "east", false)]
    [InlineData(nameof(StaffOperations.ResolveCase), "community", "cadre", "c1", "east", true)]
    [InlineData(nameof(StaffOperations.ResolveCase), "community", "dispatcher", "d1", "east", false)]
    [InlineData(nameof(StaffOperations.ResolveCase), "subdistrict", "cadre", "c1", "east", false)]
    [InlineData(nameof(StaffOperations.ResolveCase), "department", "department", "w", "dept-water", true)]
    [InlineData(nameof(StaffOperations.ResolveCase), "department", "department", "r", "dept-roads", false)]
    [InlineData(nameof(StaffOperations.EscalateCase), "community", "cadre", "c1", "east", true)]
    [InlineData(nameof(StaffOperations.EscalateCase), "community", "cadre", "c2", "east", false)]
    [InlineData(nameof(StaffOperations.EscalateCase), "community", "dispatcher", "d1", "east", true)]
    [InlineData(nameof(StaffOperations.EscalateCase), "subdistrict", "cadre", "c1", "east", false)]
    [InlineData(nameof(StaffOperations.EscalateCase), "subdistrict", "dispatcher", "d1", "east", false)]
    [InlineData(nameof(StaffOperations.EscalateCase), "subdistrict", "dispatcher", "d2", "sd", true)]
    [InlineData(nameof(StaffOperations.ReturnCase), "subdistrict", "dispatcher", "d2", "sd", true)]
    [InlineData(nameof(StaffOperations.ReturnCase), "community", "admin", "a", "any", false)]
    [InlineData(nameof(StaffOperations.AttachPhoto), "community", "cadre", "c1", "east", true)]
    [InlineData(nameof(StaffOperations.AttachPhoto), "community", "dispatcher", "d1", "east", false)]
    [InlineData(nameof(StaffOperations.AttachPhoto), "subdistrict", "cadre", "c1", "east", false)]
    [InlineData(nameof(StaffOperations.AttachPhoto), "subdistrict", "dispatcher", "d2", "sd", true)]
    [InlineData(nameof(StaffOperations.AskForVideoPetition), "community", "cadre", "c1", "east", true)]
    [InlineData(nameof(StaffOperations.AskForVideoPetition), "subdistrict", "dispatcher", "d2", "sd", false)]
    public async Task The_level_holding_a_case_acts_on_it(string operation, string level, string role, string subject, string scope, bool allowed)
    {
        var snapshot = level switch
        {
            "subdistrict" => Case(assignee: "c1") with { Level = CaseLevel.Subdistrict, LevelOwnerId = "sd" },
            "department" => Case(assignee: "c1") with { Level = CaseLevel.Department, LevelOwnerId = "dept-water" },
            _ => Case(assignee: "c1"),
        };

        Assert.Equal(allowed, await AllowsAsync(Staff(role, subject, scope), new CaseAccess(snapshot, East), new OperationAuthorizationRequirement { Name = operation }));
    }

    [Fact]
    public async Task A_case_of_an_unknown_community_is_dispatched_by_nobody() =>
        Assert.False(await AllowsAsync(Staff("dispatcher", "d1", "east"), new CaseAccess(Case(assignee: "c1"), null), StaffOperations.DispatchCase));

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
            official is null ? VideoPetitionStatus.Requested : VideoPetitionStatus.Scheduled, null, official, null, null, null, null, null, new Dictionary<string, string>());

    private static ConsultationSnapshot Consultation(string partyAccount) =>
        new("k1", "east", [], "topic", DateTimeOffset.UnixEpoch, "hall", [new ConsultationParty("rep", "Rep", "resident", partyAccount)],
            CaseActor.Staff("dispatcher", "d1"), DateTimeOffset.UnixEpoch, ConsultationStatus.Convened, null, null, null, null, []);
}
