namespace Gongzhi.VideoPetitions;

/// <summary>Where a video petition stands: requested → scheduled → held, or cancelled before it is held.</summary>
[GenerateSerializer, Alias("gongzhi.VideoPetitionStatus")]
public enum VideoPetitionStatus
{
    Requested = 0,
    Scheduled = 1,
    Held = 2,
    Cancelled = 3,
}
