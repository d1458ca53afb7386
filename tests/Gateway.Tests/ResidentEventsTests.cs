using Gongzhi.Cases;
using Gongzhi.Gateway.Views;

namespace Gongzhi.Gateway.Tests;

/// <summary>The resident's reading of a case's events, without a cluster.</summary>
public sealed class ResidentEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static readonly CaseSnapshot Primary =
        new("primary", "ximen", CaseKind.Grievance, "heating", "暖气不热", new CaseLocation("huiqian-xinyuan", "A", null), new ContactInfo("李福华", "13805371234"),
            CaseStatus.Closed, HandlingMode.DoItNow, "wang-liqun", "王立群", At, SatisfactionRating.Satisfied,
            [
                new CaseEvent(1, CaseEventType.Acknowledged, CaseStatus.Acknowledged, At, "cadre:wang-liqun", "王立群", null),
                new CaseEvent(2, CaseEventType.Escalated, CaseStatus.Acknowledged, At, "dispatcher:ximen-dispatcher", "ximen-dispatcher", "内部原因", "wenshang-subdistrict"),
                new CaseEvent(3, CaseEventType.Resolved, CaseStatus.Resolved, At, "dispatcher:jiedao", "jiedao", "街道协调解决"),
                new CaseEvent(4, CaseEventType.Rated, CaseStatus.Closed, At, "resident", null, "李家满意，谢谢王书记"),
            ]);

    [Fact]
    public void A_resident_reads_staff_by_role_a_cadre_by_name_and_no_internal_note()
    {
        var timeline = TrackView.From(Primary).Timeline;

        Assert.Equal(["cadre", "dispatcher", "dispatcher", "resident"], timeline.Select(e => e.Actor));
        Assert.Equal(["王立群", null, null, null], timeline.Select(e => e.ActorName));
        Assert.Equal([null, null, "街道协调解决", "李家满意，谢谢王书记"], timeline.Select(e => e.Note));
        Assert.Null(timeline[1].Reference);
    }

    [Fact]
    public void A_merged_follower_sees_the_resolutions_photos_but_not_the_primary_residents_own()
    {
        string[] theirs = ["/api/v1/photos/0123456789abcdef0123456789abcdef.jpg"];
        string[] work = ["/api/v1/cases/primary/photos/fedcba9876543210fedcba9876543210.jpg"];
        var submitted = new CaseEvent(1, CaseEventType.Submitted, CaseStatus.Submitted, At, "resident", null, null, null, theirs);
        var resolved = new CaseEvent(2, CaseEventType.Resolved, CaseStatus.Resolved, At, "cadre:wang-liqun", "王立群", "修好了", null, work);

        Assert.Equal(theirs, ResidentEvents.ForResident(submitted).Photos);
        Assert.Null(ResidentEvents.ForFollower(submitted).Photos);
        Assert.Equal(work, ResidentEvents.ForFollower(resolved).Photos);
    }

    [Fact]
    public void A_merged_follower_reads_the_primary_case_without_its_resident_s_own_words()
    {
        var timeline = TrackView.From(Primary, mergedFrom: "follower").Timeline;

        Assert.Null(timeline[3].Note);
        Assert.Equal("街道协调解决", timeline[2].Note);
    }

    [Fact]
    public void A_push_reaches_the_primary_s_resident_with_their_words_and_its_followers_without_them()
    {
        var rated = new CaseUpdate("primary", "ximen", 4, CaseStatus.Closed, HandlingMode.DoItNow, "wang-liqun", "王立群", Primary.Timeline[3], At)
        {
            Followers = ["follower"],
        };

        Assert.Equal("李家满意，谢谢王书记", CasePush.ForResident(rated).Event.Note);
        Assert.Null(CasePush.ForFollower(rated).Event.Note);
        Assert.Null(CasePush.ForFollower(rated).AssigneeId);
    }
}
