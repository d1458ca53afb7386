namespace Gongzhi.Domain;

/// <summary>
/// A place's arrivals within its window, as counts per bucket of minutes (<see cref="SurgeCell.Minutes"/>), kept
/// bounded however busy the community is (the watch's row must fit a table row, ~960 KB). A bucket is one minute
/// for windows up to an hour and a sixtieth of the window beyond, so a cell holds about 60. When the community's
/// cells together hold more than <see cref="EntriesKept"/>, a cell that takes an arrival while holding more than its
/// share of them merges its buckets in pairs (twice as wide) until it holds its share: counts stay whole, only the
/// window's oldest edge gets coarser — a bucket counts while it starts within the window. A cell whose buckets have
/// all left the window starts again at its finest.
/// </summary>
public static class SurgeMinutes
{
    /// <summary>The buckets a community's cells hold together before busy cells coarsen (~31 bytes each stored).</summary>
    public const int EntriesKept = 4_000;

    /// <summary>The finest bucket for a window: one minute up to an hour, then a sixtieth of the window.</summary>
    public static int FinestWidth(int windowMinutes) => Math.Max(1, (windowMinutes + 59) / 60);

    /// <summary>Counts an arrival at <paramref name="minute"/>, leaving the cell at most <paramref name="keep"/> buckets (<see cref="Share"/>).</summary>
    public static void Add(SurgeCell cell, long minute, int windowMinutes, int keep = int.MaxValue)
    {
        cell.Minutes.RemoveAll(m => minute - m.Minute >= windowMinutes);
        var finest = FinestWidth(windowMinutes);
        if (cell.Minutes.Count == 0 || cell.Width < finest)
        {
            cell.Width = finest;
        }

        var bucket = minute - (minute % cell.Width);
        var last = cell.Minutes.Count - 1;
        if (last >= 0 && cell.Minutes[last].Minute == bucket)
        {
            cell.Minutes[last] = cell.Minutes[last] with { Count = cell.Minutes[last].Count + 1 };
        }
        else
        {
            cell.Minutes.Add(new MinuteCount(bucket, 1));
        }

        while (cell.Minutes.Count > Math.Max(2, keep))
        {
            Coarsen(cell);
        }
    }

    /// <summary>The arrivals of buckets that start within the window ending at <paramref name="minute"/>.</summary>
    public static int Count(SurgeCell cell, long minute, int windowMinutes) =>
        cell.Minutes.Where(m => minute - m.Minute < windowMinutes).Sum(m => m.Count);

    /// <summary>
    /// The buckets a cell may keep: no limit while the community's cells hold <see cref="EntriesKept"/> or fewer, else
    /// an equal share of them.
    /// </summary>
    public static int Share(IReadOnlyCollection<SurgeCell> cells)
    {
        var held = 0;
        foreach (var cell in cells)
        {
            held += cell.Minutes.Count;
        }

        return held > EntriesKept ? EntriesKept / Math.Max(1, cells.Count) : int.MaxValue;
    }

    // Buckets twice as wide, each count kept whole.
    private static void Coarsen(SurgeCell cell)
    {
        cell.Width *= 2;
        var merged = new List<MinuteCount>(cell.Minutes.Count / 2 + 1);
        foreach (var entry in cell.Minutes)
        {
            var bucket = entry.Minute - (entry.Minute % cell.Width);
            if (merged.Count > 0 && merged[^1].Minute == bucket)
            {
                merged[^1] = merged[^1] with { Count = merged[^1].Count + entry.Count };
            }
            else
            {
                merged.Add(new MinuteCount(bucket, entry.Count));
            }
        }

        cell.Minutes = merged;
    }
}
