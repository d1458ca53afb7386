using System.Text.Json;

namespace Gongzhi.Refusals;

/// <summary>
/// Why a rule said no: a stable <see cref="Code"/> from <see cref="RefusalCodes"/> that clients translate,
/// its <see cref="Args"/> (camelCase names, string values, enum values as the JSON API writes them), and an
/// English <see cref="Detail"/> for logs and API users that nothing may depend on.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.Refusal")]
public sealed record Refusal(
    [property: Id(0)] string Code,
    [property: Id(1)] string Detail,
    [property: Id(2)] IReadOnlyDictionary<string, string> Args)
{
    public static Refusal Of(string code, string detail, params (string Name, string Value)[] args) =>
        new(code, detail, args.ToDictionary(a => a.Name, a => a.Value));

    /// <summary>An enum value as an argument, spelt as the JSON API spells it (<c>doItNow</c>, <c>resolved</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Several enum values as one argument, comma-separated.</summary>
    public static string Names<T>(IEnumerable<T> values)
        where T : struct, Enum => string.Join(",", values.Select(Name));

    public override string ToString() => $"{Code}: {Detail}";
}
