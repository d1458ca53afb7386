namespace Gongzhi.Gateway.Apis;

/// <summary>
/// What an uploaded photo really is, read from its first bytes (the magic numbers of JPEG, PNG and WebP), never from the
/// Content-Type the client sent: a page or script labelled image/png must not be stored and served back as one.
/// </summary>
public static class PhotoTypes
{
    /// <summary>The media types a photo may have, each with its file extension.</summary>
    public static IReadOnlyDictionary<string, string> Extensions { get; } = new Dictionary<string, string>
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/webp"] = "webp",
    };

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Riff => "RIFF"u8;

    private static ReadOnlySpan<byte> WebP => "WEBP"u8;

    /// <summary>The media type the bytes are, or null when they are none of the three.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Png) ? "image/png"
        : bytes.StartsWith(Jpeg) ? "image/jpeg"
        : bytes.Length >= 12 && bytes.StartsWith(Riff) && bytes[8..12].SequenceEqual(WebP) ? "image/webp"
        : null;
}
