namespace Gongzhi.Cadres;

/// <summary>A cadre's own view: who they are, whether on duty, the cases assigned to them.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CadreView")]
public sealed record CadreView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string CommunityId,
    [property: Id(3)] IReadOnlyList<string> Categories,
    [property: Id(4)] bool OnDuty,
    [property: Id(5)] IReadOnlyList<string> Assignments);
