namespace Gongzhi.Communities;

/// <summary>Who a cadre is: display name, the categories they take, their shifts.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CadreProfile")]
public sealed record CadreProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Categories,
    [property: Id(3)] IReadOnlyList<DutyShift> Shifts,
    [property: Id(4)] bool OnDutyAtStart);
