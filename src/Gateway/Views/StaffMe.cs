namespace Gongzhi.Gateway.Views;

/// <summary>Who the caller's token says they are, and when it expires.</summary>
public sealed record StaffMe(string Username, string DisplayName, string Role, string Scope, DateTimeOffset ExpiresAt);
