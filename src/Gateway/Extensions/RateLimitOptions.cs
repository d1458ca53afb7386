namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// How many requests one client address may make per window, by kind of route (see <see cref="RateLimits"/>).
/// Generous by default: a county office or a mobile carrier's NAT puts many people behind one address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>False turns every limit off (the bench and load-style tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The public API: submissions, tracking, ratings, community descriptions, photos.</summary>
    public RateLimitWindow Anonymous { get; set; } = new() { PermitLimit = 120 };

    /// <summary><c>POST /api/v1/auth/login</c>; the account's own lockout stops guessing one password.</summary>
    public RateLimitWindow SignIn { get; set; } = new() { PermitLimit = 30 };

    /// <summary>
    /// <c>POST /api/v1/photos</c>, a resident's photo for a submission (up to 5 MB each, 3 per submission): enough for a
    /// household's few submissions, a wall against filling the store.
    /// </summary>
    public RateLimitWindow PhotoUpload { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Connecting to the dispatch hub: negotiate and the WebSocket upgrade.</summary>
    public RateLimitWindow HubConnect { get; set; } = new() { PermitLimit = 60 };
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> from one address.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
