using Gongzhi.Communities;

namespace Gongzhi.Domain.Tests;

public sealed class SurgeDetectorTests
{
    private static readonly DateTimeOffset Day15 = SurgeStreams.Start.AddDays(15).AddHours(9);

    private static SurgeDetector Learned(double perDay, int seed = 3)
    {
        var detector = SurgeStreams.NewDetector();
        SurgeStreams.Run(detector, SurgeStreams.Ordinary(seed, perDay, 15));
        return detector;
    }

    [Fact]
    public void Thirty_ordinary_days_in_several_compounds_raise_no_warning()
    {
        var detector = SurgeStreams.NewDetector();
        var streams = SurgeStreams.Ordinary(11, 3, 30, "c1")
            .Concat(SurgeStreams.Ordinary(12, 8, 30, "c2", daytimeOnly: true))
            .Concat(SurgeStreams.Ordinary(13, 1, 30, "c3", category: "water"));

        Assert.Empty(SurgeStreams.Run(detector, streams));
    }

    [Fact]
    public void A_real_surge_raises_exactly_one_warning_carrying_its_cases()
    {
        var detector = Learned(4);
        var surge = SurgeStreams.Surge(Day15, 10, 45).ToList();

        var warnings = SurgeStreams.Run(detector, surge.Concat(SurgeStreams.Ordinary(4, 4, 1).Select(a => a with { At = a.At.AddDays(16) })));

        var warning = Assert.Single(warnings);
        Assert.Equal(("c1", "property", (string?)null), (warning.Compound, warning.Category, warning.Building));
        Assert.True(warning.Count >= SurgeSettings.Default.MinCount);
        Assert.True(warning.Expected < 1);
        Assert.Subset(surge.Select(a => a.CaseId).ToHashSet(), warning.CaseIds.Where(id => id.StartsWith("surge-", StringComparison.Ordinal)).ToHashSet());
        Assert.Equal(warning.Count, warning.CaseIds.Count);
        Assert.Equal("xinhua-surge-1", warning.AlertId);
        Assert.Same(warning, detector.State.Alerts[0]);
    }

    [Fact]
    public void One_odd_case_or_two_never_alarm_even_where_nothing_ever_happens()
    {
        var detector = SurgeStreams.NewDetector();
        var quiet = SurgeStreams.Surge(SurgeStreams.Start.AddDays(3), 2, 2, compound: "quiet");

        Assert.Empty(SurgeStreams.Run(detector, quiet));
    }

    [Fact]
    public void The_same_count_is_a_surge_in_a_quiet_compound_and_ordinary_in_a_busy_one()
    {
        var quiet = Learned(0.5);
        var busy = Learned(40);

        Assert.NotEmpty(SurgeStreams.Run(quiet, SurgeStreams.Surge(Day15, 6, 40)));
        Assert.Empty(SurgeStreams.Run(busy, SurgeStreams.Surge(Day15, 6, 40)));
    }

    [Fact]
    public void A_surge_that_doubles_warns_again_and_one_after_a_quiet_window_is_new()
    {
        var detector = Learned(2);

        var first = SurgeStreams.Run(detector, SurgeStreams.Surge(Day15, 5, 20));
        var grown = SurgeStreams.Run(detector, SurgeStreams.Surge(Day15.AddMinutes(21), 6, 20));
        var later = SurgeStreams.Run(detector, SurgeStreams.Surge(Day15.AddHours(5), 6, 20));

        Assert.Single(first);
        var second = Assert.Single(grown);
        Assert.True(second.Count >= 2 * first[0].Count);
        Assert.Single(later);
        Assert.Equal(["xinhua-surge-3", "xinhua-surge-2", "xinhua-surge-1"], detector.State.Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public void A_cluster_in_one_building_of_a_busy_compound_is_named_by_its_building()
    {
        var detector = Learned(30);

        var warning = Assert.Single(SurgeStreams.Run(detector, SurgeStreams.Surge(Day15, 7, 30, building: "b9")));

        Assert.Equal("b9", warning.Building);
        Assert.Equal(warning.Count, warning.CaseIds.Count);
        Assert.All(warning.CaseIds, id => Assert.StartsWith("surge-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_recorded_again_is_counted_once()
    {
        var detector = Learned(2);
        var surge = SurgeStreams.Surge(Day15, 4, 20).ToList();
        var once = SurgeStreams.Run(detector, surge.Take(3).Concat(surge.Take(3)));

        Assert.Empty(once);
        Assert.Equal(3, detector.State.Cells["c1|property"].Minutes.Sum(m => m.Count));
    }

    [Fact]
    public void A_case_recorded_before_the_watch_was_loaded_again_is_counted_once()
    {
        var before = Learned(2);
        var surge = SurgeStreams.Surge(Day15, 4, 20).ToList();
        SurgeStreams.Run(before, surge.Take(3));

        // A new activation reads the stored watch and builds its detector over it.
        var after = new SurgeDetector(before.State, "xinhua", "sd-1");
        Assert.Empty(SurgeStreams.Run(after, surge.Take(3)));

        Assert.Equal(3, after.State.Cells["c1|property"].Minutes.Sum(m => m.Count));
    }

    [Fact]
    public void A_case_the_watch_no_longer_holds_is_counted_again_and_the_ones_it_holds_still_once()
    {
        var detector = Learned(2);
        var first = new SurgeArrival("first", "c1", "b1", "property", Day15);
        detector.Record(first, SurgeSettings.Default);
        // Enough cases elsewhere to push it out of the cases the watch keeps (the oldest go first).
        var crowd = Enumerable.Range(0, SurgeDetector.CasesKept)
            .Select(i => new SurgeArrival($"crowd-{i}", $"c{2 + (i % 9)}", null, "noise", Day15.AddSeconds(i)))
            .ToList();
        SurgeStreams.Run(detector, crowd);

        detector.Record(first with { At = Day15.AddMinutes(20) }, SurgeSettings.Default);
        SurgeStreams.Run(detector, crowd.TakeLast(5));

        // Counted a second time on this day; the crowd's last five, still held, not again.
        Assert.Equal(2, detector.State.Cells["c1|property"].Today);
        Assert.Equal(SurgeDetector.CasesKept, detector.State.Cells.Where(c => c.Key.EndsWith("|noise", StringComparison.Ordinal)).Sum(c => c.Value.Today));
        Assert.Equal(SurgeDetector.CasesKept, detector.State.Recent.Count);
        Assert.Equal(1, detector.State.Recent.Count(r => r.CaseId == "first"));
    }

    [Fact]
    public void Cases_leave_the_watch_once_their_window_has_passed_and_the_younger_ones_stay()
    {
        var detector = SurgeStreams.NewDetector();
        var window = SurgeSettings.Default.WindowMinutes;
        SurgeArrival At(string id, string compound, string category, double minutes) => new(id, compound, null, category, Day15.AddMinutes(minutes));
        string[] Held() => [.. detector.State.Recent.Select(r => r.CaseId)];

        foreach (var arrival in new[] { At("a1", "c1", "property", 0), At("a2", "c1", "property", 1), At("b1", "c2", "noise", window / 2.0) })
        {
            detector.Record(arrival, SurgeSettings.Default);
        }

        // The first two are a window old in their own place, the other place's case is not.
        detector.Record(At("a3", "c1", "property", window + 1), SurgeSettings.Default);
        Assert.Equal(["b1", "a3"], Held());

        // A day later every case has left any category's window, whichever place the next one comes from.
        detector.Record(At("c1", "c3", "water", SurgeSettings.WindowHighest + window + 1), SurgeSettings.Default);
        Assert.Equal(["c1"], Held());
    }

    [Fact]
    public void An_admins_stricter_setting_silences_what_the_default_would_raise()
    {
        var strict = new SurgeSettings(MinCount: 8, WindowMinutes: 60, PValue: 1e-6);

        Assert.NotEmpty(SurgeStreams.Run(Learned(2), SurgeStreams.Surge(Day15, 6, 30)));
        Assert.Empty(SurgeStreams.Run(Learned(2), SurgeStreams.Surge(Day15, 6, 30), strict));
    }

    [Theory]
    [InlineData(1, 1.0, 0.6321205588)]
    [InlineData(3, 0.5, 0.0143876780)]
    [InlineData(0, 2.0, 1.0)]
    [InlineData(10, 2.0, 0.0000464980)]
    public void The_poisson_tail_matches_the_textbook(int k, double expected, double tail) =>
        Assert.Equal(tail, PoissonTail.AtLeast(k, expected), 8);
}
