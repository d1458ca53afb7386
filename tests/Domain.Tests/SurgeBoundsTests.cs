using Gongzhi.Communities;

namespace Gongzhi.Domain.Tests;

/// <summary>The surge watch keeps what it remembers bounded however busy the community, and still sees a surge.</summary>
public sealed class SurgeBoundsTests
{
    private static readonly long Minute0 = SurgeStreams.Start.UtcTicks / TimeSpan.TicksPerMinute;

    [Theory]
    [InlineData(10, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(1440, 24)]
    public void A_window_is_counted_in_one_minute_buckets_up_to_an_hour_and_sixtieths_beyond(int window, int width)
    {
        Assert.Equal(width, SurgeMinutes.FinestWidth(window));
    }

    [Fact]
    public void A_cell_over_its_share_merges_its_buckets_and_keeps_every_count()
    {
        var cell = new SurgeCell();
        for (var m = 0; m < 30; m++)
        {
            SurgeMinutes.Add(cell, Minute0 + m, 60);
        }

        Assert.Equal(30, cell.Minutes.Count);

        SurgeMinutes.Add(cell, Minute0 + 30, 60, keep: 10);

        Assert.True(cell.Minutes.Count <= 10, $"{cell.Minutes.Count} buckets");
        Assert.Equal(31, SurgeMinutes.Count(cell, Minute0 + 30, 60));
        Assert.True(cell.Width > 1);
    }

    [Fact]
    public void A_coarse_cell_whose_buckets_all_left_the_window_starts_again_at_one_minute()
    {
        var cell = new SurgeCell();
        for (var m = 0; m < 20; m++)
        {
            SurgeMinutes.Add(cell, Minute0 + m, 60, keep: 4);
        }

        Assert.True(cell.Width > 1);

        SurgeMinutes.Add(cell, Minute0 + 200, 60);

        Assert.Equal(1, cell.Width);
        Assert.Equal([new MinuteCount(Minute0 + 200, 1)], cell.Minutes);
    }

    [Fact]
    public void The_share_is_unlimited_until_the_community_holds_too_many_buckets()
    {
        var cells = Enumerable.Range(0, 100).Select(_ => new SurgeCell()).ToList();
        foreach (var cell in cells)
        {
            for (var m = 0; m < SurgeMinutes.EntriesKept / 100; m++)
            {
                SurgeMinutes.Add(cell, Minute0 + m, 60);
            }
        }

        Assert.Equal(int.MaxValue, SurgeMinutes.Share(cells));
        SurgeMinutes.Add(cells[0], Minute0 + 59, 60);
        Assert.Equal(SurgeMinutes.EntriesKept / 100, SurgeMinutes.Share(cells));
    }

    [Fact]
    public void A_community_busy_everywhere_holds_a_bounded_number_of_buckets_and_cases()
    {
        var detector = SurgeStreams.NewDetector();
        foreach (var arrival in Everywhere(hours: 2, perSecond: 5))
        {
            detector.Record(arrival, SurgeSettings.Default);
        }

        var state = detector.State;
        var buckets = state.Cells.Values.Sum(c => c.Minutes.Count);
        Assert.True(buckets <= SurgeMinutes.EntriesKept + state.Cells.Count * 2, $"{buckets} buckets in {state.Cells.Count} cells");
        Assert.Equal(SurgeDetector.CasesKept, state.Recent.Count);
        Assert.Equal(Everywhere(hours: 2, perSecond: 5).Last().CaseId, state.Recent[^1].CaseId);
    }

    [Fact]
    public void A_surge_in_one_place_is_still_seen_while_the_community_is_crowded()
    {
        var detector = SurgeStreams.NewDetector();
        var busy = Everywhere(hours: 1, perSecond: 2).ToList();
        var end = busy[^1].At;
        var surge = SurgeStreams.Surge(end.AddMinutes(1), 40, 10, compound: "c9", building: "b1", category: "noise");

        var warnings = SurgeStreams.Run(detector, busy.Where(a => a.Compound != "c9").Concat(surge));

        Assert.Contains(warnings, w => w.Compound == "c9" && w.Category == "noise");
        Assert.True(SurgeMinutes.Share(detector.State.Cells.Values) < int.MaxValue, "the community was crowded");
    }

    [Fact]
    public void Buildings_typed_freely_keep_at_most_a_bounded_number_of_baselines_forgetting_the_idlest()
    {
        var detector = SurgeStreams.NewDetector();
        var buildings = SurgeDetector.BuildingPlacesKept + 100;
        for (var i = 0; i < buildings; i++)
        {
            detector.Record(new SurgeArrival($"case-{i}", "c1", $"typed-{i}", "property", SurgeStreams.Start.AddMinutes(i)), SurgeSettings.Default);
        }

        var kept = detector.State.Cells.Keys.Where(k => k.Split('|').Length == 3).ToList();
        Assert.Equal(SurgeDetector.BuildingPlacesKept, kept.Count);
        Assert.Contains($"c1|typed-{buildings - 1}|property", kept);
        Assert.DoesNotContain("c1|typed-0|property", kept);
        Assert.Contains("c1|property", detector.State.Cells.Keys);
    }

    /// <summary>Arrivals round-robin over 10 compounds × 12 categories × 4 buildings, as the load bench sends them.</summary>
    private static IEnumerable<SurgeArrival> Everywhere(int hours, int perSecond)
    {
        var total = hours * 3600 * perSecond;
        for (var i = 0; i < total; i++)
        {
            yield return new SurgeArrival($"e-{i}", $"c{i % 10}", $"b{i / 10 % 4}", $"k{i / 40 % 12}",
                SurgeStreams.Start.AddDays(2).AddSeconds((double)i / perSecond));
        }
    }
}
