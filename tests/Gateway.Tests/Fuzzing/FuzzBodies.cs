using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gongzhi.Gateway.Tests.Fuzzing;

/// <summary>
/// FsCheck generators of hostile request bodies: random JSON with the field names our routes read but values of any type,
/// malformed JSON, odd Unicode (lone surrogates, RTL marks, NULs, combining marks, emoji), huge strings, and the wrong
/// Content-Type. Strings are written with hand-made escapes, so a lone surrogate reaches the server as <c>\ud800</c>.
/// </summary>
public static class FuzzBodies
{
    private static readonly string[] FieldNames =
    [
        "reason", "note", "photoUrl", "when", "where", "office", "cadreId", "mode", "intoCaseId", "instructions", "rating",
        "comment", "expectedSeq", "onDuty", "minutes", "resolution", "communityId", "caseIds", "topic", "time", "place",
        "invited", "name", "role", "accountId", "slot", "slots", "outcome", "trackingToken", "kind", "category", "description",
        "location", "compound", "building", "contact", "phone", "clientRequestId", "subject", "scope", "username", "password",
        "currentPassword", "newPassword", "displayName", "categories", "volunteer", "shifts", "slaClass",
    ];

    private static readonly string[] OddPieces =
    [
        "\ud800", "\udfff", "\udc00\ud800", "\u202e", "\u200f", "\u0000", "\u001b[31m", "\u2028", "\ufeff", "\uffff", "e\u0301\u0301\u0301",
        "👨‍👩‍👧‍👦", "𠜎", "<script>alert(1)</script>", "'; DROP TABLE cases;--", "../../etc/passwd", "%00", "{{7*7}}", "\\", "\"",
        "13805371234", "2026-12-01T10:00:00+08:00", "2026-13-45T99:99:99+99:99", "satisfied", "doItNow", "ximen", "wang-liqun", "",
    ];

    private static readonly string[] HostilePieces = ["\ud800", "\udfff", "\udc00\ud800", "\u0000", "\u202e", "\ufeff"];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/xml",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "application/json; charset=utf-16", "*/*", null,
    ];

    private static readonly string[] Malformed =
    [
        "", "{", "}", "[", "{\"a\":", "{\"reason\":\"x\"", "{'reason':'x'}", "{reason: x}", "{\"a\":1,}", "nul", "tru", "\"unterminated",
        "{\"expectedSeq\": 1e400}", "{\"expectedSeq\": -99999999999999999999}", "{\"expectedSeq\": 1.5}", "{\"a\":\"\\u12\"}", "\ufeff{}",
        "{\"a\":1}{\"b\":2}", "null", "[]", "0", "\"text\"", "true", "{\"reason\":\"x\",\"reason\":\"y\"}", "{\"a\":\"\\x41\"}",
    ];

    /// <summary>A request body with its caller and Content-Type.</summary>
    public static Gen<FuzzRequest> Requests { get; } =
        from caller in Gen.Elements(Enum.GetValues<FuzzCaller>())
        from contentType in Gen.Frequency((3, Gen.Constant<string?>("application/json")), (1, Gen.Elements(ContentTypes)))
        from body in Gen.Frequency((8, ValidWithOneOdd), (3, JsonObjects), (2, MalformedText), (1, RawBytes), (1, Nested), (1, ImageLike))
        select new FuzzRequest(caller, body.Kind.StartsWith("image", StringComparison.Ordinal) ? body.Kind : contentType, body.Bytes, body.Kind);

    // For the photo upload: a magic number (or a near miss) and then anything, labelled as an image.
    private static Gen<(byte[] Bytes, string Kind)> ImageLike =>
        from magic in Gen.Elements<byte[]>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], [0xFF, 0xD8], "RIFF\0\0\0\0WEBP"u8.ToArray(), "RIFF"u8.ToArray(), "<svg"u8.ToArray())
        from rest in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
        from type in Gen.Elements("image/png", "image/jpeg", "image/webp")
        select (magic.Concat(rest).ToArray(), type);

    private static Gen<(byte[] Bytes, string Kind)> JsonObjects =>
        from fields in Gen.ListOf(Gen.Zip(Gen.Elements(FieldNames), Value(2))).Select(l => l.Take(8).ToList())
        select (Utf8("{" + string.Join(",", fields.Select(f => Quote(f.Item1) + ":" + f.Item2)) + "}"), "json");

    // A body every route would take (each reads its own fields and ignores the rest) with one field, perhaps nested, made odd:
    // so the odd value gets past the shape checks to the deeper ones.
    private static Gen<(byte[] Bytes, string Kind)> ValidWithOneOdd =>
        from oddField in Gen.Elements(ValidFields.Keys.Concat(["location.compound", "location.building", "contact.name", "contact.phone", "invited.name"]).ToArray())
        from odd in Gen.Frequency((7, OddString.Select(Quote)), (3, Value(1)))
        select (Utf8(ValidBody(oddField, odd)), $"valid but {oddField}");

    private static readonly Dictionary<string, string> ValidFields = new()
    {
        ["communityId"] = "\"ximen\"", ["kind"] = "\"service\"", ["category"] = "\"heating\"", ["description"] = "\"暖气不热\"",
        ["reason"] = "\"理由\"", ["note"] = "\"已处理\"", ["instructions"] = "\"请处理\"", ["comment"] = "\"好\"", ["rating"] = "\"satisfied\"",
        ["mode"] = "\"leadThrough\"", ["when"] = "\"2030-01-01T10:00:00+08:00\"", ["where"] = "\"政务中心\"", ["office"] = "\"社保\"",
        ["cadreId"] = "\"wang-liqun\"", ["intoCaseId"] = "\"nosuchcase0000ab\"", ["onDuty"] = "true", ["topic"] = "\"停车\"",
        ["time"] = "\"2030-01-01T10:00:00+08:00\"", ["place"] = "\"议事厅\"", ["caseIds"] = "[\"nosuchcase0000ab\"]", ["minutes"] = "\"纪要\"",
        ["resolution"] = "\"决议\"", ["slot"] = "\"2030-01-01T10:00:00+08:00\"", ["slots"] = "[\"2030-01-01T10:00:00+08:00\"]", ["outcome"] = "\"结果\"",
        ["photoUrl"] = "\"/api/v1/cases/x/photos/y.png\"", ["expectedSeq"] = "1", ["clientRequestId"] = "\"fuzz-1\"",
        ["username"] = "\"fuzz-nobody\"", ["password"] = "\"not-the-password\"", ["currentPassword"] = "\"not-the-password\"",
        ["newPassword"] = "\"a-new-password-2026\"", ["displayName"] = "\"测试\"", ["role"] = "\"cadre\"", ["scope"] = "\"ximen\"",
    };

    private static string ValidBody(string oddField, string odd)
    {
        string Field(string name, string value) => Quote(name) + ":" + (name == oddField ? odd : value);
        var top = ValidFields.Select(f => Field(f.Key, f.Value)).ToList();
        top.Add(Quote("location") + ":{" + Quote("compound") + ":" + (oddField == "location.compound" ? odd : "\"huiqian-xinyuan\"") + ","
            + Quote("building") + ":" + (oddField == "location.building" ? odd : "\"A\"") + "}");
        top.Add(Quote("contact") + ":{" + Quote("name") + ":" + (oddField == "contact.name" ? odd : "\"李\"") + ","
            + Quote("phone") + ":" + (oddField == "contact.phone" ? odd : "\"13805371234\"") + "}");
        top.Add(Quote("invited") + ":[{" + Quote("name") + ":" + (oddField == "invited.name" ? odd : "\"物业\"") + "," + Quote("role") + ":\"company\"}]");
        return "{" + string.Join(",", top) + "}";
    }

    private static Gen<(byte[] Bytes, string Kind)> MalformedText => Gen.Elements(Malformed).Select(t => (Utf8(t), "malformed"));

    private static Gen<(byte[] Bytes, string Kind)> RawBytes =>
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => (b.Length == 0 ? [0xC3, 0x28] : b, "bytes"));

    private static Gen<(byte[] Bytes, string Kind)> Nested =>
        Gen.Choose(60, 3000).Select(depth => (Utf8(new string('[', depth) + new string(']', depth)), "nested"));

    // A JSON value of any type; depth bounds the nesting of arrays and objects.
    private static Gen<string> Value(int depth)
    {
        var scalars = Gen.OneOf(
            OddString.Select(Quote),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements("0", "-1", "1e400", "-0", "3.14", "2147483648", "99999999999999999999999", "true", "false", "null"));
        return depth == 0
            ? scalars
            : Gen.Frequency(
                (6, scalars),
                (1, Gen.ListOf(Value(depth - 1)).Select(l => "[" + string.Join(",", l.Take(5)) + "]")),
                (1, Gen.ListOf(Gen.Zip(Gen.Elements(FieldNames), Value(depth - 1)))
                    .Select(l => "{" + string.Join(",", l.Take(5).Select(f => Quote(f.Item1) + ":" + f.Item2)) + "}")));
    }

    // Odd text that always holds at least one hostile piece (a lone surrogate, a NUL, a bidi override, a BOM).
    private static Gen<string> OddString => Gen.Frequency(
        (8, from pieces in Gen.ListOf(Gen.Elements(OddPieces))
            from hostile in Gen.Elements(HostilePieces)
            from at in Gen.Choose(0, 10)
            select string.Concat(pieces.Take(at).Append(hostile).Concat(pieces.Skip(at).Take(10 - at)))),
        (2, Gen.Elements(1_000, 4_001, 20_001, 60_000, 1_048_576).SelectMany(n => Gen.Elements(OddPieces).Select(p => Repeat(p.Length == 0 ? "x" : p, n)))));

    private static string Repeat(string piece, int length)
    {
        var builder = new StringBuilder(length + piece.Length);
        while (builder.Length < length)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }

    // JSON string syntax written by hand: a lone surrogate or a control character becomes its \u escape, as a hostile client sends it.
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
