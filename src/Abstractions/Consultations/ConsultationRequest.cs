namespace Gongzhi.Consultations;

/// <summary>A dispatcher's convening of a 7+X consultation (民主协商议事会) on cases of their community.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ConsultationRequest")]
public sealed record ConsultationRequest(
    [property: Id(0)] string CommunityId,
    [property: Id(1)] IReadOnlyList<string> CaseIds,
    [property: Id(2)] string Topic,
    [property: Id(3)] DateTimeOffset? Time,
    [property: Id(4)] string Place,
    [property: Id(5)] IReadOnlyList<InvitedParty> Invited);
