namespace Gongzhi.Communities;

/// <summary>A cadre as the dispatcher sees them: on duty or not, and how many open cases they carry.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.RosterEntry")]
public sealed record RosterEntry(
    [property: Id(0)] string CommunityId,
    [property: Id(1)] string Id,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> Categories,
    [property: Id(4)] bool OnDuty,
    [property: Id(5)] int Load)
{
    /// <summary>When the community published this entry (ticks); pushes can arrive out of order, so a page keeps the newest.</summary>
    [Id(6)]
    public long Version { get; init; }
}
