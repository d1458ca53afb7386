namespace Gongzhi.Cases;

/// <summary>A case given to a cadre by the community's dispatch.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.Assignment")]
public sealed record Assignment(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CadreId,
    [property: Id(2)] string CadreName,
    [property: Id(3)] DateTimeOffset At);
