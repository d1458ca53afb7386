using Gongzhi.Gateway.Realtime;
using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Tests;

/// <summary>A sender's call messages reach the other party in the order sent, however the cluster delivered them.</summary>
public sealed class CallSequencerTests
{
    private static CallMessage Signal(long seq, string sender = "conn-a", string petition = "p1") =>
        new(petition, CallMessageKind.Signal, "resident", $"{{\"n\":{seq}}}", sender, seq);

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static long[] Seqs(IEnumerable<CallMessage> messages) => [.. messages.Select(m => m.Seq)];

    [Fact]
    public void A_candidate_that_overtook_its_description_waits_for_it()
    {
        var sequencer = new CallSequencer();

        Assert.Empty(sequencer.Accept(Signal(2), Now));
        Assert.Empty(sequencer.Accept(Signal(3), Now));
        Assert.Equal([1, 2, 3], Seqs(sequencer.Accept(Signal(1), Now)));
        Assert.Equal([4], Seqs(sequencer.Accept(Signal(4), Now)));
    }

    [Fact]
    public void A_repeat_is_dropped_and_senders_do_not_wait_on_each_other()
    {
        var sequencer = new CallSequencer();

        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1), Now)));
        Assert.Empty(sequencer.Accept(Signal(1), Now));
        Assert.Empty(sequencer.Accept(Signal(3), Now));
        Assert.Empty(sequencer.Accept(Signal(3), Now));
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1, sender: "conn-b"), Now)));
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1, petition: "p2"), Now)));
        Assert.Equal([2, 3], Seqs(sequencer.Accept(Signal(2), Now)));
    }

    [Fact]
    public void A_lost_message_is_given_up_once_enough_later_ones_wait()
    {
        var sequencer = new CallSequencer();
        long[]? gap = null;
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1), Now)));

        var delivered = new List<CallMessage>();
        for (var seq = 3; seq <= 3 + CallSequencer.ReorderLimit; seq++)
        {
            delivered.AddRange(sequencer.Accept(Signal(seq), Now, (from, to) => gap = [from, to]));
        }

        Assert.Equal([2, 2], gap!);
        Assert.Equal(Enumerable.Range(3, CallSequencer.ReorderLimit + 1).Select(i => (long)i), Seqs(delivered));
    }

    [Fact]
    public void A_sender_heard_first_far_into_its_stream_is_taken_from_there_and_counts_afresh_after_leaving()
    {
        var sequencer = new CallSequencer();
        var far = CallSequencer.ReorderLimit + 10;

        Assert.Equal([far], Seqs(sequencer.Accept(Signal(far), Now)));
        Assert.Equal([far + 1], Seqs(sequencer.Accept(new CallMessage("p1", CallMessageKind.PeerAbsent, "resident", null, "conn-a", far + 1), Now)));
        Assert.Equal([1], Seqs(sequencer.Accept(new CallMessage("p1", CallMessageKind.PeerPresent, "resident", null, "conn-a", 1), Now)));
    }

    [Fact]
    public void A_lost_message_is_given_up_once_its_gap_is_old_even_when_few_wait_behind_it()
    {
        var sequencer = new CallSequencer();
        long[]? gap = null;
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1), Now)));
        Assert.Empty(sequencer.Accept(Signal(3), Now));
        Assert.True(sequencer.HasGap("p1", "conn-a"));

        Assert.Empty(sequencer.Expire("p1", "conn-a", Now + CallSequencer.GapWait - TimeSpan.FromMilliseconds(1)));
        Assert.Empty(sequencer.Accept(Signal(4), Now + CallSequencer.GapWait - TimeSpan.FromMilliseconds(1)));
        Assert.Equal([3, 4], Seqs(sequencer.Expire("p1", "conn-a", Now + CallSequencer.GapWait, (from, to) => gap = [from, to])));
        Assert.Equal([2, 2], gap!);
        Assert.False(sequencer.HasGap("p1", "conn-a"));

        // The missing message, come at last, is a repeat of what went by.
        Assert.Empty(sequencer.Accept(Signal(2), Now + CallSequencer.GapWait));
        Assert.Equal([5], Seqs(sequencer.Accept(Signal(5), Now + CallSequencer.GapWait)));
    }

    [Fact]
    public void A_message_arriving_after_the_gap_is_old_goes_on_without_the_missing_one()
    {
        var sequencer = new CallSequencer();
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1), Now)));
        Assert.Empty(sequencer.Accept(Signal(3), Now));

        Assert.Equal([3, 4], Seqs(sequencer.Accept(Signal(4), Now + CallSequencer.GapWait)));
    }

    [Fact]
    public void A_second_gap_dates_from_when_the_first_closed()
    {
        var sequencer = new CallSequencer();
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1), Now)));
        Assert.Empty(sequencer.Accept(Signal(3), Now));
        Assert.Empty(sequencer.Accept(Signal(5), Now));

        var later = Now + TimeSpan.FromSeconds(1);
        Assert.Equal([2, 3], Seqs(sequencer.Accept(Signal(2), later)));
        Assert.True(sequencer.HasGap("p1", "conn-a"));
        Assert.Empty(sequencer.Expire("p1", "conn-a", Now + CallSequencer.GapWait));
        Assert.Equal([5], Seqs(sequencer.Expire("p1", "conn-a", later + CallSequencer.GapWait)));
    }
}
