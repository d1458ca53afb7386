using System.Globalization;
using Gongzhi.Communities;
using Xunit.Abstractions;

namespace Gongzhi.Domain.Tests;

/// <summary>
/// The measurement behind docs/early-warning.md: false alarms on ordinary Poisson streams at several base rates, and
/// how soon a surge is caught. Rerun with
/// <c>dotnet test tests/Domain.Tests --filter "FullyQualifiedName~SurgeFalseAlarmTable" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class SurgeFalseAlarmTable(ITestOutputHelper output)
{
    private const int Places = 100;
    private const int Days = 30;

    [Fact]
    public void False_alarms_per_compound_category_per_30_days_stay_rare_at_every_base_rate()
    {
        output.WriteLine($"{Places} compound × category places per row, {Days} days each; alarms after the learning day (on it).");
        output.WriteLine("| cases per day | arrivals (24 h) | alarms, 24 h streams | alarms, daytime streams | per place per 30 days (worst) |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var perDay in new[] { 0.5, 2.0, 5.0, 10.0, 20.0, 50.0 })
        {
            var (arrivals, allDay, allDayFirst) = Measure(perDay, daytimeOnly: false);
            var (_, daytime, daytimeFirst) = Measure(perDay, daytimeOnly: true);
            var worst = Math.Max(allDay, daytime) / (double)Places;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {perDay} | {arrivals} | {allDay} ({allDayFirst}) | {daytime} ({daytimeFirst}) | {worst:0.000} |"));
            Assert.True(worst <= 0.05, $"{perDay}/day: {worst} false alarms per place per 30 days");
        }
    }

    [Fact]
    public void A_surge_is_caught_within_minutes_of_its_start()
    {
        output.WriteLine("| cases per day (baseline) | surge | warning after (cases, minutes) |");
        output.WriteLine("| ---: | --- | --- |");
        foreach (var (perDay, count, minutes) in new[] { (1.0, 6, 30), (5.0, 8, 40), (20.0, 12, 60), (50.0, 20, 60) })
        {
            var detector = SurgeStreams.NewDetector();
            SurgeStreams.Run(detector, SurgeStreams.Ordinary(7, perDay, 14));
            var at = SurgeStreams.Start.AddDays(14).AddHours(10);
            var surge = SurgeStreams.Surge(at, count, minutes).ToList();
            var caughtAt = surge.FindIndex(a => detector.Record(a, SurgeSettings.Default) is not null);
            Assert.True(caughtAt >= 0, $"a surge of {count} in {minutes} min over {perDay}/day was missed");
            var delay = (surge[caughtAt].At - at).TotalMinutes;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {perDay} | {count} cases in {minutes} min | case {caughtAt + 1}, {delay:0} min |"));
        }
    }

    private static (int Arrivals, int Alarms, int FirstDay) Measure(double perDay, bool daytimeOnly)
    {
        var firstDay = 0;
        var arrivals = 0;
        var alarms = 0;
        for (var place = 0; place < Places; place++)
        {
            var stream = SurgeStreams.Ordinary(1000 + place, perDay, Days, daytimeOnly: daytimeOnly).ToList();
            arrivals += stream.Count;
            var raised = SurgeStreams.Run(SurgeStreams.NewDetector(), stream);
            alarms += raised.Count(a => a.At >= SurgeStreams.Start.AddDays(1));
            firstDay += raised.Count(a => a.At < SurgeStreams.Start.AddDays(1));
        }

        return (arrivals, alarms, firstDay);
    }
}
