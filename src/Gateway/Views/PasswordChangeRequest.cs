namespace Gongzhi.Gateway.Views;

/// <summary>A staff member's current password and the one they want instead.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
