using Azure.Storage.Queues.Models;
using Gongzhi.Silo.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Silo.Tests;

/// <summary>The intake queue's age as an operator reads it: how long the oldest submission the worker last took has waited.</summary>
public sealed class IntakeQueueWatchTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static QueueMessage Message(DateTimeOffset insertedOn) =>
        QueuesModelFactory.QueueMessage("id", "receipt", "{}", 1, insertedOn: insertedOn);

    [Fact]
    public void The_age_is_that_of_the_oldest_message_received_and_grows_until_the_worker_receives_again()
    {
        var clock = new FakeTimeProvider(Noon);
        var watch = new IntakeQueueWatch(clock);
        Assert.Equal(0, watch.Age);

        watch.Saw("intake", [Message(Noon.AddSeconds(-5)), Message(Noon.AddSeconds(-40)), Message(Noon.AddSeconds(-1))]);
        Assert.Equal(40, watch.Age);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(60, watch.Age);
    }

    [Fact]
    public void A_receive_that_finds_the_queue_empty_brings_the_age_back_to_zero()
    {
        var clock = new FakeTimeProvider(Noon);
        var watch = new IntakeQueueWatch(clock);
        watch.Saw("intake", [Message(Noon.AddMinutes(-3))]);

        watch.Saw("intake", []);

        Assert.Equal(0, watch.Age);
    }

    [Fact]
    public void An_empty_receive_from_one_intake_queue_keeps_the_age_of_the_other()
    {
        // The worker reads the batched queue and the first; the idle one must not hide the busy one's backlog.
        var clock = new FakeTimeProvider(Noon);
        var watch = new IntakeQueueWatch(clock);
        watch.Saw("intake-v2", [Message(Noon.AddSeconds(-30))]);

        watch.Saw("intake", []);

        Assert.Equal(30, watch.Age);
        watch.Saw("intake-v2", []);
        Assert.Equal(0, watch.Age);
    }
}
