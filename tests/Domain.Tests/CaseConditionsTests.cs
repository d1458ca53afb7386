using Gongzhi.Cases;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

/// <summary>The named conditions on a case, and the checks a grain asks before it calls another grain.</summary>
public sealed class CaseConditionsTests
{
    [Fact]
    public void An_accepted_case_with_no_cadre_awaits_one_and_in_its_first_round_until_it_is_reopened()
    {
        var accepted = Accepted();
        Assert.True(accepted.AwaitsCadre);
        Assert.True(accepted.AwaitsCadreInFirstRound);

        var reopened = Resolved("wang");
        CaseLifecycle.Rate(reopened, SatisfactionRating.Unsatisfied, null, T0.AddHours(2));
        Assert.True(reopened.AwaitsCadre);
        Assert.False(reopened.AwaitsCadreInFirstRound);

        Assert.False(new CaseRecord().AwaitsCadreInFirstRound);
        Assert.False(Assigned().AwaitsCadre);
    }

    [Fact]
    public void A_declined_case_awaits_a_cadre_again_still_in_its_first_round()
    {
        var record = Assigned("wang");
        CaseLifecycle.Decline(record, "wang", "在外地", T0.AddMinutes(1));

        Assert.True(record.AwaitsCadre);
        Assert.True(record.AwaitsCadreInFirstRound);
    }

    [Fact]
    public void A_case_is_unresolved_from_taken_in_until_resolved()
    {
        Assert.False(new CaseRecord().IsUnresolved);
        Assert.True(Accepted().IsUnresolved);
        Assert.True(Acknowledged().IsUnresolved);
        Assert.False(Resolved().IsUnresolved);
    }

    [Fact]
    public void A_dispatcher_may_give_an_unresolved_case_to_anyone_but_its_cadre()
    {
        Assert.Null(CaseLifecycle.CheckReassign(Assigned("wang"), "li"));
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.CheckReassign(Assigned("wang"), "wang")!.Outcome);
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.CheckReassign(Resolved("wang"), "li")!.Outcome);
        Assert.Equal(CommandOutcome.Conflict, CaseLifecycle.CheckReassign(new CaseRecord(), "li")!.Outcome);
    }

    [Fact]
    public void Only_an_open_case_may_be_merged_and_not_into_itself()
    {
        Assert.Null(CaseMerging.CheckMerge(Assigned(), "c-primary"));
        Assert.Equal(CommandOutcome.Conflict, CaseMerging.CheckMerge(Assigned(), "c1")!.Outcome);
        Assert.Equal(CommandOutcome.Conflict, CaseMerging.CheckMerge(new CaseRecord(), "c-primary")!.Outcome);
    }

    [Fact]
    public void A_case_not_taken_in_takes_no_followers()
    {
        var t = CaseMerging.AddFollower(new CaseRecord(), "c2", CaseActor.Staff("dispatcher", "d1"), T0);

        Assert.Equal(CommandOutcome.NotFound, t.Outcome);
    }
}
