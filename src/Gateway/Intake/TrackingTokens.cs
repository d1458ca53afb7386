using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// A resident's capability for one case: <c>{caseId}.{mac}</c>, the MAC an HMAC-SHA256 of the case id
/// under the gateways' tracking key. Unguessable without the key, checkable by any gateway without a
/// look-up, and the same for a retried request, so nothing about it needs storing.
/// </summary>
public sealed class TrackingTokens(IOptions<GatewayOptions> options)
{
    private const int MacLength = 22;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.TrackingKey);

    public string Issue(string caseId) => $"{caseId}.{Mac(caseId)}";

    /// <summary>The case the token opens, or null when it is not one of ours.</summary>
    public string? Open(string? token)
    {
        if (token is null || token.Length != CaseIds.Length + 1 + MacLength || token[CaseIds.Length] != '.')
        {
            return null;
        }

        var caseId = token[..CaseIds.Length];
        var expected = Encoding.ASCII.GetBytes(Mac(caseId));
        var given = Encoding.ASCII.GetBytes(token[(CaseIds.Length + 1)..]);
        return CaseIds.IsWellFormed(caseId) && CryptographicOperations.FixedTimeEquals(expected, given) ? caseId : null;
    }

    private string Mac(string caseId) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"track:{caseId}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_')[..MacLength];
}
