namespace Gongzhi.Consultations;

/// <summary>
/// One of the X of a 7+X consultation: a department, a company, a social organisation, residents concerned.
/// With a staff <see cref="AccountId"/> (a token subject) the party is invited live.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.InvitedParty")]
public sealed record InvitedParty(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string? AccountId);
