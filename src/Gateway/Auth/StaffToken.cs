namespace Gongzhi.Gateway.Auth;

/// <summary>A token of one session of a staff account.</summary>
public sealed record StaffToken(StaffUser User, string SessionId, string Token, DateTimeOffset ExpiresAt);
