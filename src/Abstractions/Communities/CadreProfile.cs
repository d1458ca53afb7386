namespace Gongzhi.Communities;

/// <summary>Who a cadre is: display name, the categories they take, their shifts, how many open cases they may carry.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CadreProfile")]
public sealed record CadreProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Categories,
    [property: Id(3)] IReadOnlyList<DutyShift> Shifts,
    [property: Id(4)] bool OnDutyAtStart)
{
    [Id(5)]
    public int MaxOpenCases { get; init; } = 8;

    /// <summary>An in-service party member registered in the community (双报到): takes only their registered categories, even by hand.</summary>
    [Id(6)]
    public bool IsVolunteer { get; init; }
}
