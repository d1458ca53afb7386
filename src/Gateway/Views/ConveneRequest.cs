namespace Gongzhi.Gateway.Views;

/// <summary>Convening a 7+X consultation: the community, its cases to settle, the meeting, and the X stakeholders invited.</summary>
public sealed record ConveneRequest(
    string? CommunityId,
    string[]? CaseIds,
    string? Topic,
    string? Time,
    string? Place,
    InvitedPartyRequest[]? Invited = null);
