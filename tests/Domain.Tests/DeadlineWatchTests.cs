using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class DeadlineWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cases_come_due_in_deadline_order_and_only_once()
    {
        var watch = new DeadlineWatch();
        watch.Set("late", T0.AddMinutes(30));
        watch.Set("early", T0.AddMinutes(10));

        Assert.Empty(watch.TakeDue(T0.AddMinutes(9)));
        Assert.Equal(["early"], watch.TakeDue(T0.AddMinutes(10)));
        Assert.Empty(watch.TakeDue(T0.AddMinutes(20)));
        Assert.Equal(["late"], watch.TakeDue(T0.AddHours(1)));
        Assert.Equal(0, watch.Count);
    }

    [Fact]
    public void A_moved_deadline_replaces_the_old_one_and_a_null_takes_the_case_off()
    {
        var watch = new DeadlineWatch();
        watch.Set("moved", T0.AddMinutes(10));
        watch.Set("moved", T0.AddMinutes(40));
        watch.Set("closed", T0.AddMinutes(5));
        watch.Set("closed", null);

        Assert.Empty(watch.TakeDue(T0.AddMinutes(30)));
        Assert.Equal(T0.AddMinutes(40), watch.DueAt("moved"));
        Assert.Equal(["moved"], watch.TakeDue(T0.AddMinutes(40)));
    }

    [Fact]
    public void A_deadline_brought_forward_comes_due_at_the_earlier_time()
    {
        var watch = new DeadlineWatch();
        watch.Set("case", T0.AddHours(2));
        watch.Set("case", T0.AddMinutes(10));

        Assert.Equal(["case"], watch.TakeDue(T0.AddMinutes(10)));
        Assert.Empty(watch.TakeDue(T0.AddHours(3)));
    }

    [Fact]
    public void Many_changes_to_few_cases_keep_the_watch_right()
    {
        var watch = new DeadlineWatch();
        for (var i = 0; i < 1000; i++)
        {
            watch.Set($"c{i % 3}", T0.AddMinutes(1000 - i));
        }

        Assert.Equal(3, watch.Count);
        Assert.Equal(["c0", "c1", "c2"], watch.TakeDue(T0.AddMinutes(10)).Order());
    }
}
