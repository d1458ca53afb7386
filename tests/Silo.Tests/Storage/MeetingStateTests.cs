using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Domain;
using Gongzhi.VideoPetitions;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>Petitions and consultations survive the grain storage's JSON (a reactivated grain reads them back whole).</summary>
public sealed class MeetingStateTests
{
    [Fact]
    public void A_held_video_petition_with_an_unsent_notice_reads_back_whole()
    {
        var record = new VideoPetitionRecord();
        VideoPetitionRules.Open(record, "p1", new VideoPetitionRequest("c1", CaseActor.Cadre("wang", "王立群"), "视频反映", [T0.AddDays(1)]),
            Acknowledged().ToSnapshot(), T0);
        VideoPetitionRules.Accept(record, CaseActor.Staff("leader", "zhang-bin"), T0.AddHours(3), T0);
        VideoPetitionRules.RecordOutcome(record, CaseActor.Staff("leader", "zhang-bin"), "立即处理", T0.AddHours(3));

        var back = StoredJson.RoundTrip(record);

        Assert.Equal(JsonSerializer.Serialize(record.ToSnapshot()), JsonSerializer.Serialize(back.ToSnapshot()));
        Assert.Equal(record.Unsent, back.Unsent);
    }

    [Fact]
    public void A_concluded_consultation_with_cases_pending_reads_back_whole()
    {
        var record = new ConsultationRecord();
        var request = new ConsultationRequest("ximen", ["c1", "c2"], "业委会选举", T0.AddDays(2), "服务大厅", [new InvitedParty("物业公司", "company", "acct")]);
        ConsultationRules.Convene(record, "k1", request,
            ConsultationRules.Parties([new ConsultationParty("ximen-party-committee", "社区党委", "community-committee", "ximen-dispatcher")], request.Invited),
            ["ximen", "wenshang-subdistrict", "wenshang"], CaseActor.Staff("dispatcher", "ximen-dispatcher"), T0);
        ConsultationRules.Conclude(record, "纪要", "决议", CaseActor.Staff("dispatcher", "ximen-dispatcher"), T0.AddDays(2));
        record.CaseResults.Add(new LinkedCaseResult("c1", LinkedCaseOutcome.AlreadyClosed, "closed"));

        var back = StoredJson.RoundTrip(record);

        Assert.Equal(JsonSerializer.Serialize(record.ToSnapshot()), JsonSerializer.Serialize(back.ToSnapshot()));
        Assert.Equal(record.NoticesPending, back.NoticesPending);
        Assert.Equal(record.ResolutionsPending, back.ResolutionsPending);
        Assert.Equal(record.IndexesPending, back.IndexesPending);
        Assert.Equal(record.InvitationsPending, back.InvitationsPending);
    }
}
