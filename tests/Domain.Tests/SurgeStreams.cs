using Gongzhi.Communities;

namespace Gongzhi.Domain.Tests;

/// <summary>Synthetic arrival streams for the surge watch: seeded Poisson "ordinary days", and surges laid on top.</summary>
internal static class SurgeStreams
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Ordinary days: cases of one category from one compound arriving as a Poisson process of <paramref name="perDay"/>
    /// a day, spread over <paramref name="buildings"/> buildings. With <paramref name="daytimeOnly"/> they all arrive
    /// between 08:00 and 20:00 (twice the rate in those hours), as people do.
    /// </summary>
    public static IEnumerable<SurgeArrival> Ordinary(int seed, double perDay, int days, string compound = "c1", int buildings = 6, bool daytimeOnly = false, string category = "property")
    {
        var random = new Random(seed);
        var activeMinutes = daytimeOnly ? 720.0 : 1440.0;
        var ratePerMinute = perDay / activeMinutes;
        var n = 0;
        for (var day = 0; day < days; day++)
        {
            var dayStart = Start.AddDays(day).AddHours(daytimeOnly ? 8 : 0);
            var t = 0.0;
            while (true)
            {
                t += -Math.Log(1 - random.NextDouble()) / ratePerMinute;
                if (t >= activeMinutes)
                {
                    break;
                }

                yield return new SurgeArrival($"{compound}-{seed}-{n++}", compound, $"b{random.Next(buildings) + 1}", category, dayStart.AddMinutes(t));
            }
        }
    }

    /// <summary><paramref name="count"/> cases from one compound within <paramref name="minutes"/>, evenly spaced from <paramref name="at"/>.</summary>
    public static IEnumerable<SurgeArrival> Surge(DateTimeOffset at, int count, int minutes, string compound = "c1", string? building = null, string category = "property") =>
        Enumerable.Range(0, count).Select(i => new SurgeArrival($"surge-{at.UtcTicks}-{i}", compound, building ?? $"b{(i % 3) + 1}", category, at.AddMinutes((double)minutes * i / count)));

    /// <summary>Feeds the arrivals in time order and answers the warnings raised.</summary>
    public static List<SurgeAlert> Run(SurgeDetector detector, IEnumerable<SurgeArrival> arrivals, SurgeSettings? settings = null) =>
        arrivals.OrderBy(a => a.At).Select(a => detector.Record(a, settings ?? SurgeSettings.Default)).OfType<SurgeAlert>().ToList();

    public static SurgeDetector NewDetector() => new(new SurgeWatchState(), "xinhua", "sd-1");
}
