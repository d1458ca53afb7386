using System.Buffers.Binary;
using System.Text;

namespace Gongzhi.Testing;

/// <summary>
/// Reads the spans out of an OTLP/HTTP protobuf <c>ExportTraceServiceRequest</c> with a minimal protobuf wire reader:
/// only the fields a test looks at (resource <c>service.name</c>, scope name, ids, name, kind, times, status,
/// attributes as text); every other field is skipped by its wire type.
/// </summary>
public static class OtlpTraceReader
{
    public static List<OtlpSpan> Read(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new Wire(request);
        while (reader.Next(out var field, out var type))
        {
            if (field == 1 && type == 2)
            {
                ReadResourceSpans(reader.Bytes(), spans);
            }
            else
            {
                reader.Skip(type);
            }
        }

        return spans;
    }

    // ResourceSpans: resource = 1, scope_spans = 2.
    private static void ReadResourceSpans(ReadOnlySpan<byte> data, List<OtlpSpan> spans)
    {
        var service = "";
        var scopes = new List<byte[]>();
        var reader = new Wire(data);
        while (reader.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, 2):
                    service = Attributes(reader.Bytes(), 1).GetValueOrDefault("service.name", "");
                    break;
                case (2, 2):
                    scopes.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        foreach (var scope in scopes)
        {
            ReadScopeSpans(scope, service, spans);
        }
    }

    // ScopeSpans: scope = 1 (InstrumentationScope: name = 1), spans = 2.
    private static void ReadScopeSpans(ReadOnlySpan<byte> data, string service, List<OtlpSpan> spans)
    {
        var scopeName = "";
        var raw = new List<byte[]>();
        var reader = new Wire(data);
        while (reader.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, 2):
                    scopeName = Text(reader.Bytes(), 1) ?? "";
                    break;
                case (2, 2):
                    raw.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        spans.AddRange(raw.Select(r => ReadSpan(r, service, scopeName)));
    }

    // Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6, start = 7, end = 8, attributes = 9, status = 15.
    private static OtlpSpan ReadSpan(ReadOnlySpan<byte> data, string service, string scope)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var kind = OtlpSpanKind.Unspecified;
        ulong start = 0, end = 0;
        var failed = false;
        var attributes = new Dictionary<string, string>();
        var reader = new Wire(data);
        while (reader.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, 2): traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (2, 2): spanId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (4, 2):
                    var bytes = reader.Bytes();
                    parent = bytes.Length == 0 ? null : Convert.ToHexStringLower(bytes);
                    break;
                case (5, 2): name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case (6, 0): kind = (OtlpSpanKind)reader.Varint(); break;
                case (7, 1): start = reader.Fixed64(); break;
                case (8, 1): end = reader.Fixed64(); break;
                case (9, 2):
                    var (key, value) = KeyValue(reader.Bytes());
                    attributes[key] = value;
                    break;
                case (15, 2): failed = StatusCode(reader.Bytes()) == 2; break;
                default: reader.Skip(type); break;
            }
        }

        return new OtlpSpan(service, scope, traceId, spanId, parent, name, kind, start, end, failed, attributes);
    }

    // Status: code = 3 (0 unset, 1 ok, 2 error).
    private static ulong StatusCode(ReadOnlySpan<byte> data)
    {
        var reader = new Wire(data);
        ulong code = 0;
        while (reader.Next(out var field, out var type))
        {
            if ((field, type) == (3, 0))
            {
                code = reader.Varint();
            }
            else
            {
                reader.Skip(type);
            }
        }

        return code;
    }

    // A message whose field `field` repeats KeyValue.
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> data, int field)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new Wire(data);
        while (reader.Next(out var f, out var type))
        {
            if (f == field && type == 2)
            {
                var (key, value) = KeyValue(reader.Bytes());
                attributes[key] = value;
            }
            else
            {
                reader.Skip(type);
            }
        }

        return attributes;
    }

    // KeyValue: key = 1, value = 2 (AnyValue: string = 1, bool = 2, int = 3, double = 4; others as "…").
    private static (string Key, string Value) KeyValue(ReadOnlySpan<byte> data)
    {
        string key = "", value = "";
        var reader = new Wire(data);
        while (reader.Next(out var field, out var type))
        {
            switch (field, type)
            {
                case (1, 2): key = Encoding.UTF8.GetString(reader.Bytes()); break;
                case (2, 2): value = AnyValue(reader.Bytes()); break;
                default: reader.Skip(type); break;
            }
        }

        return (key, value);
    }

    private static string AnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new Wire(data);
        var value = "";
        while (reader.Next(out var field, out var type))
        {
            value = (field, type) switch
            {
                (1, 2) => Encoding.UTF8.GetString(reader.Bytes()),
                (2, 0) => reader.Varint() != 0 ? "true" : "false",
                (3, 0) => ((long)reader.Varint()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (4, 1) => BitConverter.UInt64BitsToDouble(reader.Fixed64()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Skipped(ref reader, type),
            };
        }

        return value;
    }

    private static string Skipped(ref Wire reader, int type)
    {
        reader.Skip(type);
        return "…";
    }

    private static string? Text(ReadOnlySpan<byte> data, int field)
    {
        var reader = new Wire(data);
        string? text = null;
        while (reader.Next(out var f, out var type))
        {
            if (f == field && type == 2)
            {
                text = Encoding.UTF8.GetString(reader.Bytes());
            }
            else
            {
                reader.Skip(type);
            }
        }

        return text;
    }

    /// <summary>The protobuf wire format: a tag (field number, wire type) then a varint, 8 or 4 bytes, or a length and bytes.</summary>
    private ref struct Wire(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public bool Next(out int field, out int type)
        {
            if (_at >= _data.Length)
            {
                field = type = 0;
                return false;
            }

            var tag = Varint();
            field = (int)(tag >> 3);
            type = (int)(tag & 7);
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _data[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }

        public ulong Fixed64()
        {
            var value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_at..]);
            _at += 8;
            return value;
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = (int)Varint();
            var bytes = _data.Slice(_at, length);
            _at += length;
            return bytes;
        }

        public void Skip(int type)
        {
            switch (type)
            {
                case 0: Varint(); break;
                case 1: _at += 8; break;
                case 2: Bytes(); break;
                case 5: _at += 4; break;
                default: throw new FormatException($"Wire type {type} is not one OTLP uses.");
            }
        }
    }
}
