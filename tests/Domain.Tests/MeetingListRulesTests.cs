using Gongzhi.Consultations;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

/// <summary>A level's list of meetings and an account's invitations: one entry per meeting, kept up to date, marks kept, bounded.</summary>
public sealed class MeetingListRulesTests
{
    private static ConsultationSummary Meeting(string id, int inDays, ConsultationStatus status = ConsultationStatus.Convened) =>
        new(id, "ximen", "业委会选举", T0.AddDays(inDays), "服务大厅", status, 2, T0, status == ConsultationStatus.Concluded ? T0.AddDays(inDays) : null);

    [Fact]
    public void A_list_holds_each_meeting_once_by_meeting_time_and_takes_its_conclusion_in_place()
    {
        var index = new List<ConsultationSummary>();

        Assert.True(ConsultationIndexRules.Upsert(index, Meeting("b", 3)));
        Assert.True(ConsultationIndexRules.Upsert(index, Meeting("a", 1)));
        Assert.False(ConsultationIndexRules.Upsert(index, Meeting("b", 3)));
        Assert.True(ConsultationIndexRules.Upsert(index, Meeting("a", 1, ConsultationStatus.Concluded)));

        Assert.Equal([("a", ConsultationStatus.Concluded), ("b", ConsultationStatus.Convened)], index.Select(c => (c.ConsultationId, c.Status)));
    }

    [Fact]
    public void A_list_keeps_every_meeting_to_come_and_only_the_latest_concluded_ones()
    {
        var index = new List<ConsultationSummary> { Meeting("upcoming", 500) };
        for (var i = 0; i < ConsultationIndexRules.MaxConcluded + 5; i++)
        {
            ConsultationIndexRules.Upsert(index, Meeting($"past-{i:D3}", i, ConsultationStatus.Concluded));
        }

        Assert.Equal(ConsultationIndexRules.MaxConcluded + 1, index.Count);
        Assert.Contains(index, c => c.ConsultationId == "upcoming");
        Assert.DoesNotContain(index, c => c.ConsultationId == "past-004");
        Assert.Contains(index, c => c.ConsultationId == "past-005");
    }

    [Fact]
    public void An_invitation_delivered_again_is_not_new_and_keeps_the_party_s_marks_while_its_meeting_moves_on()
    {
        var inbox = new List<InvitationEntry>();

        Assert.Equal((true, true), InvitationInboxRules.Deliver(inbox, Meeting("a", 1), T0));
        Assert.Equal((false, false), InvitationInboxRules.Deliver(inbox, Meeting("a", 1), T0.AddMinutes(5)));
        var read = InvitationInboxRules.MarkRead(inbox, "a", T0.AddHours(1));
        Assert.Equal((T0.AddHours(1), true), (read.Entry!.ReadAt, read.Changed));
        Assert.Equal(T0.AddHours(1), InvitationInboxRules.MarkRead(inbox, "a", T0.AddHours(2)).Entry!.ReadAt);
        Assert.Equal((true, false), InvitationInboxRules.Deliver(inbox, Meeting("a", 1, ConsultationStatus.Concluded), T0.AddDays(1)));

        var entry = Assert.Single(inbox);
        Assert.Equal((ConsultationStatus.Concluded, T0, T0.AddHours(1)), (entry.Consultation.Status, entry.InvitedAt, entry.ReadAt));
    }

    [Fact]
    public void Acknowledging_reads_the_invitation_too_and_a_meeting_never_invited_to_is_not_found()
    {
        var inbox = new List<InvitationEntry>();
        InvitationInboxRules.Deliver(inbox, Meeting("a", 1), T0);

        var acknowledged = InvitationInboxRules.Acknowledge(inbox, "a", T0.AddHours(1)).Entry!;

        Assert.Equal((T0.AddHours(1), T0.AddHours(1)), (acknowledged.ReadAt, acknowledged.AcknowledgedAt));
        Assert.Equal((null, false), InvitationInboxRules.Acknowledge(inbox, "b", T0));
        Assert.Equal((null, false), InvitationInboxRules.MarkRead(inbox, "b", T0));
    }

    [Fact]
    public void The_inbox_lists_the_latest_meeting_first_and_drops_the_earliest_concluded_ones_past_its_bound()
    {
        var inbox = new List<InvitationEntry>();
        InvitationInboxRules.Deliver(inbox, Meeting("soon", 2), T0);
        for (var i = 0; i < InvitationInboxRules.MaxEntries; i++)
        {
            InvitationInboxRules.Deliver(inbox, Meeting($"past-{i:D3}", -300 + i, ConsultationStatus.Concluded), T0);
        }

        Assert.Equal(InvitationInboxRules.MaxEntries, inbox.Count);
        Assert.DoesNotContain(inbox, e => e.Consultation.ConsultationId == "past-000");
        Assert.Equal("soon", InvitationInboxRules.Listed(inbox)[0].Consultation.ConsultationId);
    }
}
