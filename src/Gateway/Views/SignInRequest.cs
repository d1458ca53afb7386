namespace Gongzhi.Gateway.Views;

/// <summary>A staff member's username and password.</summary>
public sealed record SignInRequest(string? Username, string? Password);
