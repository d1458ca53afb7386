namespace Gongzhi.Testing;

/// <summary>One span as an OTLP collector received it: ids in lower-case hex, times in Unix nanoseconds.</summary>
public sealed record OtlpSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    OtlpSpanKind Kind,
    ulong StartNanos,
    ulong EndNanos,
    bool Failed,
    IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);
}

/// <summary>The span kinds of the OTLP protocol, numbered as on the wire.</summary>
public enum OtlpSpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
