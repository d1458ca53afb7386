using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class AssignmentTallyTests
{
    /// <summary>UTC, in the week of Monday 23 November 2026.</summary>
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_window_is_today_and_the_six_days_before_from_utc_midnight()
    {
        Assert.Equal(At(17, 0), AssignmentTally.WindowStart(At(23, 15, 30)));
        Assert.Equal(At(17, 0), AssignmentTally.WindowStart(At(23, 0)));
    }

    [Fact]
    public void Cases_given_within_the_window_count_and_older_ones_drop_out_day_by_day()
    {
        var tally = new AssignmentTally();
        tally.Add(At(17, 9));
        tally.Add(At(20, 9));
        tally.Add(At(20, 14));
        tally.Add(At(23, 10));

        Assert.Equal(4, tally.CountWithin(At(23, 12)));
        Assert.Equal(3, tally.CountWithin(At(24, 0)));
        Assert.Equal(1, tally.CountWithin(At(27, 0)));
        Assert.Equal(0, tally.CountWithin(At(30, 0)));
        Assert.Equal(At(23, 10), tally.Through);
        Assert.True(tally.Counts.Count <= AssignmentTally.Days);
    }

    [Fact]
    public void A_day_long_past_clears_the_counts_and_a_new_case_starts_again()
    {
        var tally = new AssignmentTally();
        tally.Add(At(1, 9));
        tally.Add(At(23, 9));

        Assert.Equal(new[] { 1 }, tally.Counts);
        Assert.Equal(1, tally.CountWithin(At(23, 9)));
    }

    [Fact]
    public void An_earlier_case_counted_late_goes_to_its_own_day_and_one_outside_the_window_is_dropped()
    {
        var tally = new AssignmentTally();
        tally.Add(At(23, 10));
        tally.Add(At(21, 10));
        tally.Add(At(2, 10));

        Assert.Equal(At(23, 10), tally.Through);
        Assert.Equal(2, tally.CountWithin(At(23, 12)));
        Assert.Equal(1, tally.CountWithin(At(28, 12)));
    }

    [Fact]
    public void An_empty_tally_counts_nothing()
    {
        Assert.Equal(0, new AssignmentTally().CountWithin(At(23, 12)));
    }

    [Fact]
    public void Tallies_add_up_day_by_day_and_the_sum_keeps_the_later_last_case()
    {
        var chunk = new AssignmentTally();
        chunk.Add(At(20, 9));
        chunk.Add(At(23, 10));
        var main = new AssignmentTally();
        main.Add(At(16, 9));
        main.Add(At(20, 14));
        main.Add(At(22, 8));

        main.AddAll(chunk);

        Assert.Equal(At(23, 10), main.Through);
        // 16 November is outside the window of the 23rd: 2 of main's and both of the chunk's.
        Assert.Equal(4, main.CountWithin(At(23, 12)));
        Assert.Equal(2, main.CountWithin(At(27, 0)));
        Assert.Equal(new[] { 1, 1, 0, 2, 0, 0, 0 }, main.Counts);
        Assert.Equal(2, chunk.CountWithin(At(23, 12)));
    }

    [Fact]
    public void Adding_an_older_tally_keeps_the_last_case_and_drops_days_outside_the_window()
    {
        var main = new AssignmentTally();
        main.Add(At(23, 10));
        var old = new AssignmentTally();
        old.Add(At(15, 9));
        old.Add(At(18, 9));

        main.AddAll(old);
        main.AddAll(new AssignmentTally());

        Assert.Equal(At(23, 10), main.Through);
        Assert.Equal(2, main.CountWithin(At(23, 12)));
    }

    [Fact]
    public void A_copy_shares_nothing_with_its_tally()
    {
        var tally = new AssignmentTally();
        tally.Add(At(23, 10));
        var copy = tally.Copy();

        tally.Add(At(23, 11));

        Assert.Equal(1, copy.CountWithin(At(23, 12)));
        Assert.Equal(At(23, 10), copy.Through);
    }
}
