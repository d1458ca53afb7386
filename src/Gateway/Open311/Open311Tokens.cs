using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// The spec's <c>token</c> for a request not yet a case: the case id and an HMAC of it under the gateways' tracking key
/// (a purpose of its own, so it never opens the resident's tracking page). Any gateway checks it without a look-up,
/// and it holds no dot, so <c>tokens/{token}.xml</c> splits cleanly.
/// </summary>
public sealed class Open311Tokens(IOptions<GatewayOptions> options)
{
    private const int MacLength = 22;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.TrackingKey);

    public string Issue(string caseId) => caseId + Mac(caseId);

    /// <summary>The case the token stands for, or null when it is not one this server issued.</summary>
    public string? Open(string? token)
    {
        if (token is not { Length: CaseIds.Length + MacLength })
        {
            return null;
        }

        var caseId = token[..CaseIds.Length];
        return CaseIds.IsWellFormed(caseId)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(caseId)), Encoding.ASCII.GetBytes(token[CaseIds.Length..]))
            ? caseId : null;
    }

    private string Mac(string caseId) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"open311:{caseId}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_')[..MacLength];
}
