using Gongzhi.Cases;
using Gongzhi.Consultations;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// A consultation's outbox to its levels' lists and its parties' inboxes: an account offline at the convening finds its
/// invitation later, a redelivery adds nothing, and a step stored before its lists heard of it reaches them by the reminder.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MeetingListsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly CaseActor Dispatcher = CaseActor.Staff("dispatcher", "d1");

    private IClusterClient Client => fixture.Client;

    private static Func<StorageCall, bool> WriteOf(string key, string stateName) => c => c.IsWrite && c.Key == key && c.StateName == stateName;

    private async Task<(string Community, ConsultationRequest Request)> MeetingAsync(string account)
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        return (community, new ConsultationRequest(community, [submission.CaseId], "供暖协调", fixture.Time.GetUtcNow().AddDays(1), "社区会议室",
            [new InvitedParty("热力公司", "company", account)]));
    }

    private static string NewAccount() => "acct-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task An_account_offline_at_the_convening_finds_the_invitation_later_and_a_redelivery_keeps_one_with_its_marks()
    {
        var account = NewAccount();
        var (community, request) = await MeetingAsync(account);
        var id = Guid.NewGuid().ToString("N");

        // Nobody of that account is connected: the invitation is stored all the same.
        Assert.Equal(CommandOutcome.Ok, (await Client.GetGrain<IConsultationGrain>(id).ConveneAsync(request, Dispatcher)).Outcome);

        var inbox = Client.GetGrain<IInvitationInboxGrain>(account);
        var invitation = Assert.Single(await inbox.GetAsync());
        Assert.Equal((id, "供暖协调", ConsultationStatus.Convened, (DateTimeOffset?)null), (invitation.Consultation.ConsultationId, invitation.Consultation.Topic, invitation.Consultation.Status, invitation.ReadAt));
        foreach (var level in new[] { community, "sub-1", "county-1" })
        {
            Assert.Contains(await Client.GetGrain<IConsultationIndexGrain>(level).GetAsync(), c => c.ConsultationId == id);
        }

        Assert.NotNull((await inbox.MarkReadAsync(id))!.ReadAt);
        await inbox.DeliverAsync(invitation.Consultation, invitation.InvitedAt);
        var again = Assert.Single(await inbox.GetAsync());
        Assert.NotNull(again.ReadAt);
        Assert.Null(await inbox.AcknowledgeAsync("no-such-meeting"));
    }

    [Fact]
    public async Task Lists_and_inboxes_that_fail_as_the_meeting_is_convened_are_reached_once_by_the_reminder()
    {
        var account = NewAccount();
        var (community, request) = await MeetingAsync(account);
        var id = Guid.NewGuid().ToString("N");
        // The community's list cannot be written; the inbox stores the invitation but its answer is lost, so it is delivered again.
        fixture.Faults.Inject(WriteOf(community, "consultationIndex"), StorageFault.FailsBeforeStoring, times: 2);
        fixture.Faults.Inject(WriteOf(account, "invitations"), StorageFault.TimesOutAfterStoring);

        var convened = await Client.GetGrain<IConsultationGrain>(id).ConveneAsync(request, Dispatcher);

        Assert.Equal(CommandOutcome.Ok, convened.Outcome);
        await Eventually.HoldsAsync(async () => (await Client.GetGrain<IConsultationIndexGrain>(community).GetAsync()).Any(c => c.ConsultationId == id),
            "the community's list has the meeting");
        await Eventually.HoldsAsync(async () => (await Client.GetGrain<IConsultationIndexGrain>("county-1").GetAsync()).Any(c => c.ConsultationId == id),
            "the county's list has the meeting");
        await Eventually.HoldsAsync(async () => (await Client.GetGrain<ICaseGrain>(request.CaseIds[0]).GetAsync())!.Timeline.Any(e => e.Type == CaseEventType.ConsultationConvened),
            "the case is told of the meeting");
        Assert.Single(await Client.GetGrain<IInvitationInboxGrain>(account).GetAsync(), e => e.Consultation.ConsultationId == id);
    }

    [Fact]
    public async Task The_minutes_bring_the_lists_and_the_inbox_up_to_date()
    {
        var account = NewAccount();
        var (community, request) = await MeetingAsync(account);
        var grain = Client.GetGrain<IConsultationGrain>(Guid.NewGuid().ToString("N"));
        await grain.ConveneAsync(request, Dispatcher);

        await grain.RecordMinutesAsync("各方同意", "三日内维修", Dispatcher);

        Assert.Equal(ConsultationStatus.Concluded, Assert.Single(await Client.GetGrain<IConsultationIndexGrain>(community).GetAsync()).Status);
        Assert.Equal(ConsultationStatus.Concluded, Assert.Single(await Client.GetGrain<IInvitationInboxGrain>(account).GetAsync()).Consultation.Status);
    }
}
