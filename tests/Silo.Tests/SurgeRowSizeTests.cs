using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Grains;
using Xunit.Abstractions;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// The early warning's rows fit a table row (~960 KB) however busy the community: the load bench once grew the watch's
/// counts row past it in about nine minutes, and a save that fails deactivates the community.
/// </summary>
public sealed class SurgeRowSizeTests(ITestOutputHelper output)
{
    private const int RowBytes = 900_000;

    [Fact]
    public void Both_rows_stay_under_a_table_row_at_the_load_bench_s_rate_everywhere_with_the_longest_windows()
    {
        var state = new SurgeWatchState();
        var detector = new SurgeDetector(state, "ximen", "xicheng");
        var hourly = SurgeSettings.Default;
        var daily = SurgeSettings.Default with { WindowMinutes = SurgeSettings.WindowHighest };
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(16);

        // 30 compounds × 12 categories, half of them watched over a day, and 2,000 buildings typed freely, at 10 cases a
        // second for three hours: every place busy in every bucket. Ids are as long as the gateway lets them be.
        const int perSecond = 10;
        for (var i = 0; i < 3600 * perSecond; i++)
        {
            var category = i / 30 % 12;
            var arrival = new SurgeArrival(
                CaseId(random), $"compound-{i % 30:D2}-{new string('x', 50)}", $"building-{random.Next(2_000):D4}-{new string('y', 49)}",
                $"category-{category:D2}", start.AddSeconds((double)i / perSecond));
            detector.Record(arrival, category % 2 == 0 ? hourly : daily);
        }

        // The warnings at their fullest: as many as are kept, each listing as many cases as a place keeps.
        state.Alerts = [.. Enumerable.Range(0, SurgeDetector.AlertsKept).Select(n => new SurgeAlert(
            $"ximen-surge-{100_000 + n}", "ximen", "xicheng", new string('c', 64), new string('b', 64), new string('k', 64), 9_999,
            SurgeSettings.WindowHighest, 12.3456, start, [.. Enumerable.Range(0, SurgeDetector.CasesKeptPerPlace).Select(_ => CaseId(random))]))];

        var serializer = SiloExtensions.CreateStateSerializer();
        var counts = serializer.Serialize(new CommunitySurgeState { Watch = state }).ToArray().Length;
        var warnings = serializer.Serialize(new CommunityWarningsState { Episodes = state.Episodes, Alerts = state.Alerts, NextAlert = state.NextAlert })
            .ToArray().Length;
        output.WriteLine($"counts row {counts:N0} bytes ({state.Cells.Count} places, {state.Cells.Values.Sum(c => c.Minutes.Count)} buckets, " +
            $"{state.Recent.Count} cases); warnings row {warnings:N0} bytes");

        Assert.True(counts < RowBytes, $"the counts row is {counts:N0} bytes");
        Assert.True(warnings < RowBytes, $"the warnings row is {warnings:N0} bytes");
    }

    private static string CaseId(Random random) =>
        string.Concat(Enumerable.Range(0, 16).Select(_ => "ABCDEFGHJKMNPQRSTVWXYZ0123456789"[random.Next(31)]));
}
