using System.Globalization;
using Gongzhi.Communities;
using static Gongzhi.Domain.SurgeRecentCases;

namespace Gongzhi.Domain;

/// <summary>
/// Early warning of a collective grievance (抓早、抓小、抓源头): watches a community's arrivals per compound × category
/// and per building × category against each place's own baseline, and raises a warning when the count within the
/// category's sliding window is unlikely by chance — a one-sided Poisson test, P(X ≥ count | λ = expected) below the
/// category's p-value, and at least its minimum count. One surge raises one warning: while it lasts (until a whole
/// window passes with nothing unlikely), a later warning only when the count has doubled. Deterministic: time comes
/// in with the arrivals. Recording the same case twice counts it once.
/// </summary>
public sealed class SurgeDetector(SurgeWatchState state, string communityId, string subdistrictId)
{
    /// <summary>The weight of the newest closed day in a place's mean: about the last ten days count.</summary>
    public const double Alpha = 0.1;

    /// <summary>A compound × category is assumed to bring at least this many cases a day, so a quiet place needs a real cluster.</summary>
    public const double CompoundFloorPerDay = 1.0;

    /// <summary>The same floor for one building × category.</summary>
    public const double BuildingFloorPerDay = 0.5;

    /// <summary>Before a place has a closed day of its own, it is judged as if it brought this many times its floor: a busy place's first day is not a surge.</summary>
    public const double LearningFactor = 5;

    /// <summary>How many warnings a community keeps for its list.</summary>
    public const int AlertsKept = 50;

    /// <summary>How many cases of one place's window the watch keeps by id (the warning's case list); counts are kept whole.</summary>
    public const int CasesKeptPerPlace = 200;

    /// <summary>How many cases of all places the watch keeps by id, the oldest dropped first (the row must fit a table row).</summary>
    public const int CasesKept = 1_000;

    /// <summary>
    /// How many buildings × category the watch keeps a baseline for: a compound without a list of buildings takes any
    /// name a resident types. Past it, the building idle longest is forgotten.
    /// </summary>
    public const int BuildingPlacesKept = 500;

    /// <summary>People bring their cases in the waking hours: a day's mean is spread over 12 of them, not 24.</summary>
    public const double ActiveMinutesPerDay = 720;

    private const long MinutesPerDay = 1440;

    private readonly SurgeRecentCases _recent = new(state.Recent);

    public SurgeWatchState State => state;

    /// <summary>Counts the case and answers the warning it raises, if any (already in <see cref="SurgeWatchState.Alerts"/>).</summary>
    public SurgeAlert? Record(SurgeArrival arrival, SurgeSettings settings)
    {
        var group = Key(arrival.Compound, null, arrival.Category);
        if (_recent.Holds(arrival))
        {
            return null;
        }

        var minute = arrival.At.UtcTicks / TimeSpan.TicksPerMinute;
        var window = settings.WindowMinutes;
        KeepRecent(arrival, group, minute, window);

        var compound = SurgeMinutes.Count(Cell(group), minute, window);
        var compoundExpected = Expected(Cell(group), CompoundFloorPerDay, window);
        var compoundSurge = IsSurge(compound, compoundExpected, settings);
        var building = string.IsNullOrEmpty(arrival.Building) ? 0 : SurgeMinutes.Count(Cell(Key(arrival.Compound, arrival.Building, arrival.Category)), minute, window);
        var buildingExpected = string.IsNullOrEmpty(arrival.Building) ? 0 : Expected(Cell(Key(arrival.Compound, arrival.Building, arrival.Category)), BuildingFloorPerDay, window);
        var buildingSurge = building > 0 && IsSurge(building, buildingExpected, settings);

        if (state.Episodes.TryGetValue(group, out var episode) && minute - episode.LastSignificantMinute >= window)
        {
            state.Episodes.Remove(group);
            episode = null;
        }

        if (!compoundSurge && !buildingSurge)
        {
            return null;
        }

        // The whole compound when it stands out; otherwise the one building that does.
        var (count, expected, inBuilding) = compoundSurge ? (compound, compoundExpected, (string?)null) : (building, buildingExpected, arrival.Building);
        if (episode is not null)
        {
            episode.LastSignificantMinute = minute;
            if (count < 2 * episode.AlertedCount)
            {
                return null;
            }

            episode.AlertedCount = count;
        }
        else
        {
            state.Episodes[group] = new SurgeEpisode { AlertedCount = count, LastSignificantMinute = minute };
        }

        var cases = state.Recent
            .Where(r => SamePlace(r, arrival) && (inBuilding is null || r.Building == inBuilding) && minute - Minute(r.At) < window)
            .Select(r => r.CaseId).ToArray();
        var alert = new SurgeAlert($"{communityId}-surge-{state.NextAlert.ToString(CultureInfo.InvariantCulture)}", communityId, subdistrictId,
            arrival.Compound, inBuilding, arrival.Category, count, window, Math.Round(expected, 4), arrival.At, cases);
        state.NextAlert++;
        state.Alerts.Insert(0, alert);
        if (state.Alerts.Count > AlertsKept)
        {
            state.Alerts.RemoveRange(AlertsKept, state.Alerts.Count - AlertsKept);
        }

        return alert;
    }

    /// <summary>The cases a place is expected to bring within <paramref name="windowMinutes"/>: its mean per day, or the floor, spread over the waking hours.</summary>
    public static double Expected(SurgeCell cell, double floorPerDay, int windowMinutes)
    {
        // The mean over the days seen so far while it is young (the EWMA's start-up bias taken out).
        var perDay = cell.Days == 0 ? LearningFactor * floorPerDay : cell.Ewma / (1 - Math.Pow(1 - Alpha, cell.Days));
        return Math.Max(perDay, floorPerDay) * windowMinutes / ActiveMinutesPerDay;
    }

    /// <summary>Unlikely by chance, and not a single odd case.</summary>
    public static bool IsSurge(int count, double expected, SurgeSettings settings) =>
        count >= settings.MinCount && PoissonTail.AtLeast(count, expected) < settings.PValue;

    // Walks the recent cases only when one may have left its window (none has while the oldest is younger than it).
    private void KeepRecent(SurgeArrival arrival, string group, long minute, int window)
    {
        if (_recent.MayBeOlderThan(minute, window))
        {
            var horizon = Math.Max(window, SurgeSettings.WindowHighest);
            _recent.RemoveAll(r => minute - Minute(r.At) >= horizon || (minute - Minute(r.At) >= window && SamePlace(r, arrival)));
        }

        _recent.Add(arrival);
        if (_recent.InPlace(arrival) > CasesKeptPerPlace)
        {
            _recent.RemoveFirstInPlace(arrival);
        }

        if (_recent.Count > CasesKept)
        {
            _recent.KeepLast(CasesKept);
        }

        var keep = SurgeMinutes.Share(state.Cells.Values);
        Add(Cell(group), minute, window, keep);
        if (!string.IsNullOrEmpty(arrival.Building))
        {
            var key = Key(arrival.Compound, arrival.Building, arrival.Category);
            if (!state.Cells.ContainsKey(key))
            {
                ForgetIdlestBuildingBeyond(BuildingPlacesKept - 1);
            }

            Add(Cell(key), minute, window, keep);
        }
    }

    private static void Add(SurgeCell cell, long minute, int window, int keep)
    {
        Roll(cell, minute / MinutesPerDay);
        cell.Today++;
        SurgeMinutes.Add(cell, minute, window, keep);
    }

    // A building's key names compound, building and category; the one idle longest (its last day, then its last bucket) goes.
    private void ForgetIdlestBuildingBeyond(int kept)
    {
        var buildings = state.Cells.Where(c => c.Key.AsSpan().Count('|') >= 2).ToList();
        if (buildings.Count <= kept)
        {
            return;
        }

        var idlest = buildings.MinBy(c => (c.Value.Day, c.Value.Minutes.Count == 0 ? long.MinValue : c.Value.Minutes[^1].Minute));
        state.Cells.Remove(idlest.Key);
    }

    // Closes the days since the cell's last: each folds its count into the mean, empty days fold a zero.
    private static void Roll(SurgeCell cell, long day)
    {
        if (cell.Day >= day)
        {
            return;
        }

        if (cell.Days > 0 || cell.Today > 0)
        {
            cell.Ewma = Alpha * cell.Today + (1 - Alpha) * cell.Ewma;
            cell.Days++;
            var empty = (int)Math.Min(day - cell.Day - 1, 365);
            cell.Ewma *= Math.Pow(1 - Alpha, empty);
            cell.Days = Math.Min(cell.Days + empty, 10_000);
        }

        cell.Day = day;
        cell.Today = 0;
    }

    private SurgeCell Cell(string key)
    {
        if (!state.Cells.TryGetValue(key, out var cell))
        {
            state.Cells[key] = cell = new SurgeCell();
        }

        return cell;
    }

    private static string Key(string compound, string? building, string category) =>
        building is null ? $"{compound}|{category}" : $"{compound}|{building}|{category}";
}
