namespace Gongzhi.Communities;

/// <summary>A weekly duty shift: the days (ISO, Monday = 1) and local hours a cadre is expected on duty.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.DutyShift")]
public sealed record DutyShift(
    [property: Id(0)] IReadOnlyList<int> Days,
    [property: Id(1)] TimeOnly Start,
    [property: Id(2)] TimeOnly End);
