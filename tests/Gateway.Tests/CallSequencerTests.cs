using Gongzhi.Gateway.Realtime;
using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Tests;

/// <summary>A sender's call messages reach the other party in the order sent, however the cluster delivered them.</summary>
public sealed class CallSequencerTests
{
    private static CallMessage Signal(long seq, string sender = "conn-a", string petition = "p1") =>
        new(petition, CallMessageKind.Signal, "resident", $"{{\"n\":{seq}}}", sender, seq);

    private static long[] Seqs(IEnumerable<CallMessage> messages) => [.. messages.Select(m => m.Seq)];

    [Fact]
    public void A_candidate_that_overtook_its_description_waits_for_it()
    {
        var sequencer = new CallSequencer();

        Assert.Empty(sequencer.Accept(Signal(2)));
        Assert.Empty(sequencer.Accept(Signal(3)));
        Assert.Equal([1, 2, 3], Seqs(sequencer.Accept(Signal(1))));
        Assert.Equal([4], Seqs(sequencer.Accept(Signal(4))));
    }

    [Fact]
    public void A_repeat_is_dropped_and_senders_do_not_wait_on_each_other()
    {
        var sequencer = new CallSequencer();

        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1))));
        Assert.Empty(sequencer.Accept(Signal(1)));
        Assert.Empty(sequencer.Accept(Signal(3)));
        Assert.Empty(sequencer.Accept(Signal(3)));
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1, sender: "conn-b"))));
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1, petition: "p2"))));
        Assert.Equal([2, 3], Seqs(sequencer.Accept(Signal(2))));
    }

    [Fact]
    public void A_lost_message_is_given_up_once_enough_later_ones_wait()
    {
        var sequencer = new CallSequencer();
        long[]? gap = null;
        Assert.Equal([1], Seqs(sequencer.Accept(Signal(1))));

        var delivered = new List<CallMessage>();
        for (var seq = 3; seq <= 3 + CallSequencer.ReorderLimit; seq++)
        {
            delivered.AddRange(sequencer.Accept(Signal(seq), (from, to) => gap = [from, to]));
        }

        Assert.Equal([2, 2], gap!);
        Assert.Equal(Enumerable.Range(3, CallSequencer.ReorderLimit + 1).Select(i => (long)i), Seqs(delivered));
    }

    [Fact]
    public void A_sender_heard_first_far_into_its_stream_is_taken_from_there_and_counts_afresh_after_leaving()
    {
        var sequencer = new CallSequencer();
        var far = CallSequencer.ReorderLimit + 10;

        Assert.Equal([far], Seqs(sequencer.Accept(Signal(far))));
        Assert.Equal([far + 1], Seqs(sequencer.Accept(new CallMessage("p1", CallMessageKind.PeerAbsent, "resident", null, "conn-a", far + 1))));
        Assert.Equal([1], Seqs(sequencer.Accept(new CallMessage("p1", CallMessageKind.PeerPresent, "resident", null, "conn-a", 1))));
    }
}
