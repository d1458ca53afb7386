using Gongzhi.Communities;

namespace Gongzhi.Domain;

/// <summary>
/// The surge watch's recent cases (<see cref="SurgeWatchState.Recent"/>, oldest first) with what every arrival asks of
/// them kept beside: how many carry each case id, how many each compound × category holds, and a minute none is older
/// than. An arrival then walks them only when one may have left its window or its place holds too many; walking all of
/// them (up to 1,000) for every arrival was 7.4 % of the silo's CPU samples under S1. Built from the stored list, which
/// it alone changes from then on.
/// </summary>
internal sealed class SurgeRecentCases
{
    private readonly List<SurgeArrival> _cases;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Compound, string Category), int> _places = [];

    // A lower bound of the cases' minutes: removals leave it as it was (still a bound), the walk makes it exact again.
    private long _oldestMinute = long.MaxValue;

    public SurgeRecentCases(List<SurgeArrival> cases)
    {
        _cases = cases;
        foreach (var arrival in cases)
        {
            Tally(arrival, +1);
        }
    }

    public int Count => _cases.Count;

    /// <summary>Whether a case of this id from this compound × category is held.</summary>
    public bool Holds(SurgeArrival arrival) =>
        _ids.ContainsKey(arrival.CaseId) && _cases.Exists(r => r.CaseId == arrival.CaseId && SamePlace(r, arrival));

    /// <summary>How many cases the compound × category of <paramref name="arrival"/> holds.</summary>
    public int InPlace(SurgeArrival arrival) => _places.GetValueOrDefault((arrival.Compound, arrival.Category));

    /// <summary>Whether a case may have arrived <paramref name="minutes"/> or more before <paramref name="minute"/>; false only when none has.</summary>
    public bool MayBeOlderThan(long minute, int minutes) => minute - _oldestMinute >= minutes;

    public void Add(SurgeArrival arrival)
    {
        _cases.Add(arrival);
        Tally(arrival, +1);
    }

    public void RemoveAll(Predicate<SurgeArrival> gone)
    {
        _oldestMinute = long.MaxValue;
        _cases.RemoveAll(r =>
        {
            if (gone(r))
            {
                Tally(r, -1);
                return true;
            }

            _oldestMinute = Math.Min(_oldestMinute, Minute(r.At));
            return false;
        });
    }

    /// <summary>Removes the first held case of the compound × category of <paramref name="arrival"/>.</summary>
    public void RemoveFirstInPlace(SurgeArrival arrival)
    {
        var first = _cases.FindIndex(r => SamePlace(r, arrival));
        Tally(_cases[first], -1);
        _cases.RemoveAt(first);
    }

    /// <summary>Keeps the last <paramref name="kept"/> cases.</summary>
    public void KeepLast(int kept)
    {
        var dropped = _cases.Count - kept;
        for (var i = 0; i < dropped; i++)
        {
            Tally(_cases[i], -1);
        }

        _cases.RemoveRange(0, dropped);
    }

    /// <summary>The compound × category of the two, compared without building a key.</summary>
    public static bool SamePlace(SurgeArrival a, SurgeArrival b) =>
        string.Equals(a.Compound, b.Compound, StringComparison.Ordinal) && string.Equals(a.Category, b.Category, StringComparison.Ordinal);

    public static long Minute(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    private void Tally(SurgeArrival arrival, int change)
    {
        Change(_ids, arrival.CaseId, change);
        Change(_places, (arrival.Compound, arrival.Category), change);
        if (change > 0)
        {
            _oldestMinute = Math.Min(_oldestMinute, Minute(arrival.At));
        }
    }

    private static void Change<TKey>(Dictionary<TKey, int> counts, TKey key, int change) where TKey : notnull
    {
        var count = counts.GetValueOrDefault(key) + change;
        if (count == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count;
        }
    }
}
