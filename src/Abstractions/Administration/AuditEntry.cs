namespace Gongzhi.Administration;

/// <summary>
/// One audited change made by staff: who, when, what. <paramref name="Id"/> makes an append idempotent, so a caller
/// that is unsure whether its append landed (a timeout, a retry after a crash) appends the same entry again safely.
/// </summary>
/// <param name="Action">What was done, kebab-case (<c>account-create</c>, <c>account-disable</c>, <c>cadre-update</c> …).</param>
/// <param name="Target">What it was done to: an account's username, a community id, a cadre id, a category id.</param>
/// <param name="Detail">What changed, short and human-readable (never a password or a token).</param>
[GenerateSerializer, Immutable, Alias("gongzhi.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string Detail);
