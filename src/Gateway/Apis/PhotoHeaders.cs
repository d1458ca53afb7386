using System.Buffers.Binary;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Reads an uploaded photo's width and height from its header and checks that the file is whole (a JPEG ends with its
/// end-of-image marker, a PNG with its IEND chunk, a WebP's RIFF size matches the bytes), without decoding the pixels.
/// A file that passes is one a browser can show; one that fails is refused 400 <c>photo-unreadable</c>, never a 5xx.
/// </summary>
public static class PhotoHeaders
{
    /// <summary>The largest width or height accepted: a phone's camera gives at most ~8,000 px; the page sends ≤ 1,600.</summary>
    public const int MaxSide = 10_000;

    /// <summary>The size of a whole, readable image; null when its header cannot be read, it is cut short or a side is out of range.</summary>
    public static (int Width, int Height)? Read(string type, ReadOnlySpan<byte> bytes)
    {
        var size = type switch
        {
            "image/png" => Png(bytes),
            "image/jpeg" => Jpeg(bytes),
            "image/webp" => WebP(bytes),
            _ => null,
        };
        return size is var (w, h) && w is >= 1 and <= MaxSide && h is >= 1 and <= MaxSide ? size : null;
    }

    private static ReadOnlySpan<byte> Iend => [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    // Signature (8), IHDR length (4) and type (4), width (4), height (4) … and the 12-byte IEND chunk last.
    private static (int, int)? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 33 + 12 && b[12..16].SequenceEqual("IHDR"u8) && b.EndsWith(Iend)
            ? (ReadInt(b[16..20]), ReadInt(b[20..24]))
            : null;

    private static int ReadInt(ReadOnlySpan<byte> b) => (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b), int.MaxValue);

    // Segments after SOI (FF D8): FF, marker, 2-byte length (counting itself), payload. A start-of-frame marker (C0–CF
    // but C4, C8, CC) holds precision, height, width. The file must end with EOI (FF D9).
    private static (int, int)? Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[^2] != 0xFF || b[^1] != 0xD9)
        {
            return null;
        }

        var at = 2;
        while (at + 4 <= b.Length)
        {
            if (b[at] != 0xFF)
            {
                return null;
            }

            var marker = b[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
            if (length < 2 || at + 2 + length > b.Length)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return length >= 7 ? (BinaryPrimitives.ReadUInt16BigEndian(b[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(at + 5)..])) : null;
            }

            if (marker == 0xDA)
            {
                return null; // scan data before any frame header
            }

            at += 2 + length;
        }

        return null;
    }

    // RIFF (4), size (4, little-endian, of what follows), WEBP (4), then the first chunk: VP8 (lossy), VP8L (lossless)
    // or VP8X (extended), each with the size where the format puts it.
    private static (int, int)? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || BinaryPrimitives.ReadUInt32LittleEndian(b[4..8]) + 8L != b.Length)
        {
            return null;
        }

        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A
                ? (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return b[20] == 0x2F ? ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1) : null;
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (Int24(b[24..27]) + 1, Int24(b[27..30]) + 1);
        }

        return null;
    }

    private static int Int24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);
}
