using Gongzhi.Cases;
using Gongzhi.Domain;
using Gongzhi.Refusals;
using Gongzhi.VideoPetitions;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class VideoCallRulesTests
{
    private static readonly CaseActor Leader = CaseActor.Staff("leader", "zhang-bin");
    private static readonly DateTimeOffset Now = T0.AddHours(2);

    private static VideoPetitionRecord Scheduled()
    {
        var record = new VideoPetitionRecord();
        VideoPetitionRules.Open(record, "p1", new VideoPetitionRequest("c1", CaseActor.Resident, "想视频反映", []), Acknowledged().ToSnapshot(), Now);
        Assert.Null(VideoPetitionRules.Accept(record, Leader, Now.AddHours(1), Now));
        record.Unsent.Clear();
        return record;
    }

    private static CaseEventType[] Events(VideoPetitionRecord record) => [.. record.Unsent.Select(n => n.Type)];

    [Fact]
    public void The_resident_and_the_accepting_official_join_and_leave_each_once_as_timeline_notices()
    {
        var record = Scheduled();

        Assert.Null(VideoCallRules.Join(record, CaseActor.Resident, "conn-r"));
        Assert.Null(VideoCallRules.Join(record, Leader, "conn-o"));
        Assert.Null(VideoCallRules.Leave(record, Leader, "conn-o"));

        Assert.Equal([CaseEventType.VideoCallJoined, CaseEventType.VideoCallJoined, CaseEventType.VideoCallLeft], Events(record));
        Assert.Equal(["resident", "leader:zhang-bin", "leader:zhang-bin"], record.Unsent.Select(n => n.Actor));
        Assert.All(record.Unsent, n => Assert.Equal("p1", n.Reference));
        Assert.Equal(["resident"], record.InCall.Keys);
    }

    [Fact]
    public void A_retried_join_or_a_join_from_a_new_session_while_still_in_leaves_no_second_event()
    {
        var record = Scheduled();

        Assert.Null(VideoCallRules.Join(record, CaseActor.Resident, "conn-1"));
        Assert.Null(VideoCallRules.Join(record, CaseActor.Resident, "conn-1"));
        Assert.Null(VideoCallRules.Join(record, CaseActor.Resident, "conn-2"));

        Assert.Equal([CaseEventType.VideoCallJoined], Events(record));
        Assert.Equal("conn-2", record.InCall["resident"]);
    }

    [Fact]
    public void A_leave_from_a_session_the_party_no_longer_uses_or_a_second_leave_leaves_no_event()
    {
        var record = Scheduled();
        Assert.Null(VideoCallRules.Join(record, CaseActor.Resident, "conn-1"));
        Assert.Null(VideoCallRules.Join(record, CaseActor.Resident, "conn-2"));

        Assert.Null(VideoCallRules.Leave(record, CaseActor.Resident, "conn-1"));
        Assert.Null(VideoCallRules.Leave(record, CaseActor.Resident, "conn-2"));
        Assert.Null(VideoCallRules.Leave(record, CaseActor.Resident, "conn-2"));

        Assert.Equal([CaseEventType.VideoCallJoined, CaseEventType.VideoCallLeft], Events(record));
    }

    [Fact]
    public void Another_official_is_no_party_and_only_a_scheduled_petition_can_be_joined_though_a_held_one_can_still_be_left()
    {
        var record = Scheduled();
        var other = VideoCallRules.Join(record, CaseActor.Staff("leader", "another-leader"), "conn-x");
        Assert.Equal(RefusalCodes.NotAParty, other!.Refusal!.Code);

        Assert.Null(VideoCallRules.Join(record, Leader, "conn-o"));
        Assert.Null(VideoPetitionRules.RecordOutcome(record, Leader, "答复立即处理", Now.AddHours(1)));
        var late = VideoCallRules.Join(record, CaseActor.Resident, "conn-r");
        Assert.Equal(RefusalCodes.PetitionWrongStatus, late!.Refusal!.Code);
        Assert.Null(VideoCallRules.Leave(record, Leader, "conn-o"));
        Assert.Equal(CaseEventType.VideoCallLeft, record.Unsent[^1].Type);

        var requested = new VideoPetitionRecord();
        VideoPetitionRules.Open(requested, "p2", new VideoPetitionRequest("c1", CaseActor.Resident, "想视频反映", []), Acknowledged().ToSnapshot(), Now);
        Assert.Equal(RefusalCodes.PetitionWrongStatus, VideoCallRules.Join(requested, CaseActor.Resident, "conn-r")!.Refusal!.Code);
    }
}
