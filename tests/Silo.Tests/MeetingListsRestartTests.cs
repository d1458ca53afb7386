using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>A level's list of meetings and an account's invitations are stored: after the silo restarts they are all there, marks included.</summary>
public sealed class MeetingListsRestartTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task A_meeting_list_and_an_inbox_with_its_read_mark_come_back_after_the_silo_restarts()
    {
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(Info(community), [Cadre(UniqueCadreId("wang"), true, "heating")]));
        var submission = new CaseSubmission(Guid.NewGuid().ToString("N")[..16], community, CaseKind.Service, "heating", "暖气不热",
            new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
        await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        var account = "acct-" + Guid.NewGuid().ToString("N")[..10];
        var id = Guid.NewGuid().ToString("N");
        var request = new ConsultationRequest(community, [submission.CaseId], "供暖协调", fixture.Time.GetUtcNow().AddDays(1), "社区会议室",
            [new InvitedParty("热力公司", "company", account)]);
        Assert.Equal(CommandOutcome.Ok, (await fixture.Client.GetGrain<IConsultationGrain>(id).ConveneAsync(request, CaseActor.Staff("dispatcher", "d1"))).Outcome);
        await fixture.Client.GetGrain<IInvitationInboxGrain>(account).MarkReadAsync(id);

        await fixture.RestartAsync();

        Assert.Equal([id], (await fixture.Client.GetGrain<IConsultationIndexGrain>(community).GetAsync()).Select(c => c.ConsultationId));
        var invitation = Assert.Single(await fixture.Client.GetGrain<IInvitationInboxGrain>(account).GetAsync());
        Assert.Equal(id, invitation.Consultation.ConsultationId);
        Assert.NotNull(invitation.ReadAt);
    }
}
