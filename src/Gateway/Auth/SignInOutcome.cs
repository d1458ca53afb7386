namespace Gongzhi.Gateway.Auth;

/// <summary>What became of a sign-in: a token of a new session, a refusal that says nothing of why, or a lockout.</summary>
public sealed record SignInOutcome(StaffToken? Token, DateTimeOffset? LockedUntil = null)
{
    public static readonly SignInOutcome Failed = new(null, null);
}
