namespace Gongzhi.Gateway.Views;

/// <summary>A staff token of a session, when it expires (renew before), and whose it is.</summary>
public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, string Role, string Scope, string Username, string DisplayName)
{
    public static SignInResponse From(StaffToken token) =>
        new(token.Token, token.ExpiresAt, token.User.Role, token.User.Scope, token.User.Username, token.User.DisplayName);
}
