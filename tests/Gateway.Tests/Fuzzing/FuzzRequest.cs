using System.Text;

namespace Gongzhi.Gateway.Tests.Fuzzing;

/// <summary>One fuzzed request: who sends it, with what Content-Type (null: none), and the raw body bytes.</summary>
public sealed record FuzzRequest(FuzzCaller Caller, string? ContentType, byte[] Body, string Kind)
{
    /// <summary>What a failure message shows of the request: the caller, type, kind and the body's start.</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Caller} · {ContentType ?? "(no Content-Type)"} · {Kind} · {Body.Length} bytes: {text}";
    }
}

/// <summary>Who sends a fuzzed request: nobody, or staff whose role lets them use the routes on the fuzzed case.</summary>
public enum FuzzCaller
{
    Anonymous,
    AssignedCadre,
    Dispatcher,
    Admin,
}
