namespace Gongzhi.Silo.Archive;

/// <summary>When a case's timeline moves to the archive: a table row holds at most ~960 KB, so long timelines must not stay in it.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Once the timeline in the row reaches this many events, the older ones are archived.</summary>
    public int MaxEventsInRow { get; set; } = 200;

    /// <summary>How many of the latest events stay in the row after archiving.</summary>
    public int KeepInRow { get; set; } = 50;
}
