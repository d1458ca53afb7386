using System.Security.Cryptography;
using System.Text;

namespace Gongzhi.Gateway.Open311;

/// <summary>Makes an <c>api_key</c> and the SHA-256 hash that is all the cluster keeps of it.</summary>
public static class Open311KeyHashes
{
    /// <summary>A new key: 256 random bits, base64url, with a prefix that tells a reader what it is.</summary>
    public static string NewKey() => "gz311_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key's SHA-256, lowercase hex. The key is random, so no salt or slow hash is needed against guessing.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
