using Gongzhi.Cases;
using Gongzhi.Gateway.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Gateway.Tests;

public sealed class CaseUpdateSequencerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private static CaseUpdate Update(int seq, string caseId = "c1")
    {
        var e = new CaseEvent(seq, CaseEventType.Accepted, CaseStatus.Accepted, DateTimeOffset.UnixEpoch, "system", null, null);
        return new CaseUpdate(caseId, "ximen", seq, CaseStatus.Accepted, HandlingMode.DoItNow, null, null, e, e.At);
    }

    private static int[] Seqs(IEnumerable<CaseUpdate> updates) => updates.Select(u => u.Seq).ToArray();

    [Fact]
    public void Updates_in_order_go_straight_out()
    {
        var sequencer = new CaseUpdateSequencer(_time);
        Assert.Equal([1], Seqs(sequencer.Accept(Update(1))));
        Assert.Equal([2], Seqs(sequencer.Accept(Update(2))));
        Assert.Null(sequencer.NextRelease);
    }

    [Fact]
    public void An_early_update_waits_for_the_ones_before_it_and_then_all_go_out_in_order()
    {
        var sequencer = new CaseUpdateSequencer(_time);
        Assert.Empty(sequencer.Accept(Update(4)));
        Assert.Equal([1], Seqs(sequencer.Accept(Update(1))));
        Assert.Empty(sequencer.Accept(Update(3)));
        Assert.Equal([2, 3, 4], Seqs(sequencer.Accept(Update(2))));
    }

    [Fact]
    public void The_first_update_seen_of_a_case_may_be_a_later_one_and_goes_out_after_the_wait()
    {
        var sequencer = new CaseUpdateSequencer(_time);
        Assert.Empty(sequencer.Accept(Update(7)));
        Assert.Equal(_time.GetUtcNow() + CaseUpdateSequencer.HoldFor, sequencer.NextRelease);

        _time.Advance(CaseUpdateSequencer.HoldFor);

        Assert.Equal([7], Seqs(sequencer.Release()));
        Assert.Equal([8], Seqs(sequencer.Accept(Update(8))));
    }

    [Fact]
    public void A_gap_that_never_fills_is_given_up_on_and_what_follows_goes_out_in_order()
    {
        var sequencer = new CaseUpdateSequencer(_time);
        sequencer.Accept(Update(1));
        Assert.Empty(sequencer.Accept(Update(4)));
        Assert.Empty(sequencer.Accept(Update(3)));
        Assert.Empty(sequencer.Release());

        _time.Advance(CaseUpdateSequencer.HoldFor);

        Assert.Equal([3, 4], Seqs(sequencer.Release()));
        Assert.Empty(sequencer.Accept(Update(2)));
    }

    [Fact]
    public void Repeats_are_dropped_and_cases_do_not_wait_for_each_other()
    {
        var sequencer = new CaseUpdateSequencer(_time);
        sequencer.Accept(Update(1, "a"));
        Assert.Empty(sequencer.Accept(Update(1, "a")));
        Assert.Empty(sequencer.Accept(Update(3, "a")));
        Assert.Equal([1], Seqs(sequencer.Accept(Update(1, "b"))));
    }

    [Fact]
    public void Thousands_of_quiet_cases_hold_nothing_up_and_are_forgotten_while_a_held_update_still_goes_out_in_order()
    {
        var sequencer = new CaseUpdateSequencer(_time);
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal([1], Seqs(sequencer.Accept(Update(1, $"quiet-{i}"))));
        }

        Assert.Null(sequencer.NextRelease);

        _time.Advance(CaseUpdateSequencer.ForgetAfter + CaseUpdateSequencer.SweepEvery);
        Assert.Equal([1], Seqs(sequencer.Accept(Update(1, "live"))));
        Assert.Empty(sequencer.Accept(Update(3, "live")));
        Assert.Empty(sequencer.Release());
        Assert.Equal(1, sequencer.Remembered);
        Assert.Equal(_time.GetUtcNow() + CaseUpdateSequencer.HoldFor, sequencer.NextRelease);

        _time.Advance(CaseUpdateSequencer.HoldFor);
        Assert.Equal([3], Seqs(sequencer.Release()));
        Assert.Null(sequencer.NextRelease);
        Assert.Equal([4], Seqs(sequencer.Accept(Update(4, "live"))));
    }
}
