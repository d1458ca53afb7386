namespace Gongzhi.Communities;

/// <summary>
/// An early warning of a collective grievance (群体性信访): <see cref="Count"/> cases of one category from one compound
/// (or one building of it, when <see cref="Building"/> is set) within <see cref="WindowMinutes"/>, where the place's
/// own baseline expected <see cref="Expected"/>. <see cref="CaseIds"/> are the cases in the window, suggested for a
/// 7+X meeting. The id is stable: a warning pushed again after a crash carries the same id.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.SurgeAlert")]
public sealed record SurgeAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] string SubdistrictId,
    [property: Id(3)] string Compound,
    [property: Id(4)] string? Building,
    [property: Id(5)] string Category,
    [property: Id(6)] int Count,
    [property: Id(7)] int WindowMinutes,
    [property: Id(8)] double Expected,
    [property: Id(9)] DateTimeOffset At,
    [property: Id(10)] IReadOnlyList<string> CaseIds);
