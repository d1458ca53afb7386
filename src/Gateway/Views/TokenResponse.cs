namespace Gongzhi.Gateway.Views;

/// <summary>A signed staff token.</summary>
public sealed record TokenResponse(string Token);
