namespace Gongzhi.Consultations;

/// <summary>An invitation to a 7+X consultation, pushed live to one party's staff account.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.Invitation")]
public sealed record Invitation(
    [property: Id(0)] string ConsultationId,
    [property: Id(1)] string Topic,
    [property: Id(2)] DateTimeOffset Time,
    [property: Id(3)] string Place,
    [property: Id(4)] string AccountId);
