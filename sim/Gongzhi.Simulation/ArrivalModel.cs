using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Simulation;

/// <summary>
/// When residents submit: a Poisson stream whose rate follows the hour of day and the day of week, with heating
/// cases surging at the start of the heating season, plus one collective grievance in one compound. Pure: the
/// same seed gives the same month.
/// </summary>
public sealed class ArrivalModel
{
    private readonly SimulationParameters _p;
    private readonly DateTimeOffset _start;
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<CompoundInfo> _compounds;
    private readonly double[] _hour;
    private readonly double[] _day;
    private readonly double _peakPerHour;

    public ArrivalModel(SimulationParameters p, DateTimeOffset start, TimeZoneInfo zone, IReadOnlyList<CompoundInfo> compounds)
    {
        _p = p;
        _start = start;
        _zone = zone;
        _compounds = compounds;
        _hour = Normalised(p.HourProfile);
        _day = Normalised(p.DayProfile);
        _peakPerHour = BasePerHour * _hour.Max() * _day.Max() * (1 + (p.CategoryMix["heating"] * (p.HeatingSurgePeak - 1)));
    }

    /// <summary>The mean arrivals an hour with no surge: residents × rate ÷ 1,000 ÷ (30 × 24).</summary>
    public double BasePerHour => _p.Residents * _p.CasesPerThousandPerMonth / 1000 / (30 * 24);

    /// <summary>How many times its usual rate heating runs on a day since the start (the start is the season's first days).</summary>
    public double HeatingFactor(double days) => 1 + ((_p.HeatingSurgePeak - 1) * Math.Exp(-days / _p.HeatingSurgeDecayDays));

    /// <summary>The expected arrivals an hour of one category at an instant.</summary>
    public double RatePerHour(string category, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var iso = local.DayOfWeek == DayOfWeek.Sunday ? 6 : (int)local.DayOfWeek - 1;
        var surge = category == "heating" ? HeatingFactor((at - _start).TotalDays) : 1;
        return BasePerHour * _hour[local.Hour] * _day[iso] * _p.CategoryMix[category] * surge;
    }

    /// <summary>Every arrival from the start to <paramref name="end"/>, in time order.</summary>
    public IReadOnlyList<Arrival> Generate(int seed, DateTimeOffset end)
    {
        var rng = new Random(seed);
        var arrivals = new List<Arrival>();
        var categories = _p.CategoryMix.Keys.ToArray();
        // Thinning (Lewis–Shedler): candidates at the peak rate, each kept with probability rate(t) ÷ peak.
        for (var t = _start; ;)
        {
            t += TimeSpan.FromHours(-Math.Log(1 - rng.NextDouble()) / _peakPerHour);
            if (t >= end)
            {
                break;
            }

            var rates = categories.Select(c => RatePerHour(c, t)).ToArray();
            var u = rng.NextDouble() * _peakPerHour;
            for (var i = 0; i < rates.Length; i++)
            {
                if (u < rates[i])
                {
                    var (compound, building) = Place(rng);
                    arrivals.Add(new Arrival(t, compound, building, categories[i], KindOf(categories[i], rng), false));
                    break;
                }

                u -= rates[i];
            }
        }

        arrivals.AddRange(Grievance(rng, end));
        return arrivals.OrderBy(a => a.At).ToList();
    }

    private IEnumerable<Arrival> Grievance(Random rng, DateTimeOffset end)
    {
        var day = TimeZoneInfo.ConvertTime(_start, _zone).Date.AddDays(_p.GrievanceDay).AddHours(18);
        var from = new DateTimeOffset(day, _zone.GetUtcOffset(day));
        var compound = _compounds.Single(c => c.Id == _p.GrievanceCompound);
        for (var i = 0; i < _p.GrievanceCases; i++)
        {
            var at = from + (_p.GrievanceWindow * rng.NextDouble());
            if (at < end)
            {
                yield return new Arrival(at, compound.Id, compound.Buildings[rng.Next(compound.Buildings.Count)], "heating", CaseKind.Grievance, true);
            }
        }
    }

    // Residents live in proportion to the buildings of each compound.
    private (string Compound, string Building) Place(Random rng)
    {
        var buildings = _compounds.SelectMany(c => c.Buildings.Select(b => (c.Id, b))).ToArray();
        return buildings[rng.Next(buildings.Length)];
    }

    private static CaseKind KindOf(string category, Random rng) => category switch
    {
        "suggestion" => CaseKind.Suggestion,
        "neighbour-dispute" => CaseKind.Grievance,
        _ => rng.NextDouble() < 0.15 ? CaseKind.Grievance : CaseKind.Service,
    };

    private static double[] Normalised(double[] values) => values.Select(v => v / values.Average()).ToArray();
}
