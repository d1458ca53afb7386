using Gongzhi.Communities;

namespace Gongzhi.Domain;

/// <summary>
/// What <see cref="SurgeDetector"/> remembers of a community's arrivals: a baseline per place (counts per day and
/// per minute, never per case), the cases of the open windows (for the warning's case list and so a case is counted
/// once), the surges under way, and the warnings raised, newest first.
/// </summary>
public sealed class SurgeWatchState
{
    /// <summary>Per place: <c>compound|category</c> and <c>compound|building|category</c>.</summary>
    public Dictionary<string, SurgeCell> Cells { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The cases that arrived within their category's window, oldest first.</summary>
    public List<SurgeArrival> Recent { get; set; } = [];

    /// <summary>Surges under way, per <c>compound|category</c>: a later warning only when the count doubles.</summary>
    public Dictionary<string, SurgeEpisode> Episodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The warnings raised, newest first, at most <see cref="SurgeDetector.AlertsKept"/>.</summary>
    public List<SurgeAlert> Alerts { get; set; } = [];

    /// <summary>The number the next warning's id takes.</summary>
    public long NextAlert { get; set; } = 1;
}

/// <summary>
/// One place's arrivals: an exponentially weighted mean of its cases per day (<see cref="Ewma"/> over
/// <see cref="Days"/> closed days), today's count, and the counts per minute within the window.
/// </summary>
public sealed class SurgeCell
{
    public double Ewma { get; set; }

    public int Days { get; set; }

    /// <summary>The day (UTC days since 0001-01-01) <see cref="Today"/> counts.</summary>
    public long Day { get; set; }

    public int Today { get; set; }

    /// <summary>Arrivals per bucket of <see cref="Width"/> minutes within the window, oldest first (<see cref="SurgeMinutes"/>).</summary>
    public List<MinuteCount> Minutes { get; set; } = [];

    /// <summary>Minutes per bucket of <see cref="Minutes"/>; 0 in a row written before buckets (read as one minute).</summary>
    public int Width { get; set; }
}

/// <summary>How many cases arrived in the bucket that starts at <see cref="Minute"/> (UTC minutes since 0001-01-01).</summary>
public sealed record MinuteCount(long Minute, int Count);

/// <summary>A case as the watch sees it.</summary>
public sealed record SurgeArrival(string CaseId, string Compound, string? Building, string Category, DateTimeOffset At);

/// <summary>A surge under way: the count its last warning gave, and the last minute it was still unlikely by chance.</summary>
public sealed class SurgeEpisode
{
    public int AlertedCount { get; set; }

    public long LastSignificantMinute { get; set; }
}
