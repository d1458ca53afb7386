namespace Gongzhi.Gateway.Views;

/// <summary>One invited stakeholder; with a staff <see cref="AccountId"/> (a token subject) they are invited live.</summary>
public sealed record InvitedPartyRequest(string? Name, string? Role, string? AccountId = null);
