using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongzhi.Gateway.Apis;

/// <summary>Times in request bodies: ISO 8601 with an explicit offset, since a bare local time means different instants on different servers.</summary>
public static partial class IsoTimes
{
    public const string Hint = "An ISO 8601 time with its offset, e.g. 2026-11-28T10:00:00+08:00.";

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text?.Trim();
        return trimmed is not null
            && Shape().IsMatch(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Shape();
}
