namespace Gongzhi.Gateway.Views;

/// <summary>A demo token's claims (Development only).</summary>
public sealed record DevTokenRequest(string? Role, string? Subject, string? Scope);
