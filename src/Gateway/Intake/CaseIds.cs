using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// Case ids: 16 lower-case Crockford base-32 characters (80 bits). Random for a new request; derived
/// from the client's request id and the body when it sends one, so that a retried request lands on the same case.
/// </summary>
public static class CaseIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    public const int Length = 16;

    public static string New() => Encode(RandomNumberGenerator.GetBytes(10));

    /// <summary>
    /// The case of a request with a client request id: a hash of that id and the whole body, so a retry (same id, same body)
    /// lands on the same case, and anyone repeating the id with any other body gets a case of their own, never the first one's.
    /// </summary>
    public static string ForClientRequest(SubmitCaseRequest submit)
    {
        string?[] fields = [submit.CommunityId, submit.ClientRequestId, submit.Kind.ToString(), submit.Category, submit.Description,
            submit.Location.Compound, submit.Location.Building, submit.Location.Unit, submit.Contact.Name, submit.Contact.Phone];
        if (submit.Location.Point is { } point)
        {
            // Only when given, so the cases of bodies without a point keep the ids they always had.
            fields = [.. fields, point.Latitude.ToString("R", CultureInfo.InvariantCulture), point.Longitude.ToString("R", CultureInfo.InvariantCulture)];
        }

        var text = new StringBuilder();
        foreach (var field in fields)
        {
            // Length-prefixed, so that no two different bodies give the same text.
            text.Append(field?.Length ?? -1).Append(':').Append(field).Append('\n');
        }

        return Encode(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 10));
    }

    public static bool IsWellFormed(string? caseId) =>
        caseId is { Length: Length } && caseId.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[Length];
        int buffer = 0, bits = 0, at = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[at++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        return new string(chars);
    }
}
