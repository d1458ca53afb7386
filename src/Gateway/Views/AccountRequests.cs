namespace Gongzhi.Gateway.Views;

/// <summary>A new staff account, with its first password.</summary>
public sealed record NewAccountRequest(string? Username, string? DisplayName, string? Role, string? Scope, string? Password);

/// <summary>Who an account is and what it may do.</summary>
public sealed record AccountUpdateRequest(string? DisplayName, string? Role, string? Scope);

/// <summary>A password an admin sets for an account.</summary>
public sealed record PasswordResetRequest(string? NewPassword);
