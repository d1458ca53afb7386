namespace Gongzhi.Open311;

/// <summary>
/// The Open311 clients the admin issued <c>api_key</c>s to (key 0: one registry for the deployment, since a key is
/// checked before anything names a jurisdiction). Only a SHA-256 hash of each key is kept; the key itself is never stored.
/// </summary>
[Alias("gongzhi.IOpen311ClientsGrain")]
public interface IOpen311ClientsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Issues a client for the admin's request (audited as <paramref name="actor"/>). The same request again, whose
    /// answer may have been lost, answers the same client with <paramref name="keyHash"/> as its key's hash in place of
    /// the one before: only the key of the latest answer works. A request whose client was revoked since is refused.
    /// </summary>
    [Alias("Issue")]
    Task<Open311ClientIssue> IssueAsync(Open311ClientRequest request, string keyHash, string actor);

    /// <summary>Revokes the client's key (audited as <paramref name="actor"/>; again changes nothing); null for an unknown client.</summary>
    [Alias("Revoke")]
    Task<Open311Client?> RevokeAsync(string clientId, string actor);

    /// <summary>Every client issued, oldest first, revoked ones too.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Open311Client>> ListAsync();
}
