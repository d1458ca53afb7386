using Gongzhi.Open311;

namespace Gongzhi.Gateway.Views;

/// <summary>
/// The admin's request to issue an Open311 client: <paramref name="RequestId"/> is a UUID the page makes once per
/// issue, so a retry answers the same client; <paramref name="RequestsPerMinute"/> left out takes the configured default.
/// </summary>
public sealed record NewOpen311ClientRequest(string? RequestId, string? Name, string? Contact, int? RequestsPerMinute);

/// <summary>An Open311 client as the admin page lists it (never its key nor the key's hash).</summary>
public sealed record Open311ClientView(string Id, string Name, string? Contact, int RequestsPerMinute, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static Open311ClientView From(Open311Client client) =>
        new(client.Id, client.Name, client.Contact, client.RequestsPerMinute, client.CreatedAt, client.RevokedAt);
}

/// <summary>The answer to an issue: the client and its <c>api_key</c>, shown this once and never again.</summary>
public sealed record IssuedOpen311ClientView(Open311ClientView Client, string ApiKey);
