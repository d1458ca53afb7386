using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Checks an admin's request field by field and turns it into what the grains take, or the 400 naming each field at
/// fault. Ids are lowercase kebab-case (they end up in URLs, storage keys and the audit log); texts have length limits.
/// </summary>
internal sealed partial class AdminInput
{
    public const int IdLength = TextLimits.Code;
    public const int NameLength = 100;
    public const int MaxCategories = TextLimits.Items;
    public const int MaxShifts = 14;
    public const int MaxParties = 30;
    public const int MaxOpenCasesLimit = 100;
    public const int MaxOfferWindowMinutes = 24 * 60;
    public const int MaxSlaMinutes = 365 * 24 * 60;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Failed => _errors.Count > 0;

    public ValidationProblem Problem => Problems.Invalid(_errors);

    public string Id(string field, string? value)
    {
        if (value is null || !IdPattern().IsMatch(value))
        {
            Fail(field, $"Required: lowercase letters, digits and '-', at most {IdLength} characters, starting with a letter or digit.");
        }

        return value ?? "";
    }

    public string? OptionalId(string field, string? value) => value is null ? null : Id(field, value);

    public string Text(string field, string? value, int max = NameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "Required.");
        }
        else if (value.Length > max)
        {
            Fail(field, $"At most {max} characters.");
        }

        return value?.Trim() ?? "";
    }

    public T Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Fail(field, "Required.");
        }

        return value ?? default;
    }

    public int Minutes(string field, int? value, int max)
    {
        if (value is not { } minutes || minutes < 1 || minutes > max)
        {
            Fail(field, $"Required: whole minutes from 1 to {max}.");
            return 1;
        }

        return minutes;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Whole(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Fail(field, $"A whole number from {min} to {max}.");
            return min;
        }

        return value;
    }

    /// <summary>A probability above 0 and at most <paramref name="max"/>.</summary>
    public double Chance(string field, double value, double max)
    {
        if (!(value > 0 && value <= max))
        {
            Fail(field, $"A probability above 0 and at most {max}.");
            return max;
        }

        return value;
    }

    public IReadOnlyList<T> List<T>(string field, IReadOnlyList<T>? values, int max, bool allowEmpty = false)
    {
        if (values is null || (!allowEmpty && values.Count == 0) || values.Count > max)
        {
            Fail(field, $"Required: a list of {(allowEmpty ? 0 : 1)} to {max} entries.");
            return [];
        }

        return values;
    }

    public IReadOnlyList<string> Ids(string field, IReadOnlyList<string?>? values, int max)
    {
        var ids = List(field, values, max).Select((v, i) => Id($"{field}[{i}]", v)).ToArray();
        Distinct(field, ids);
        return ids;
    }

    public void Distinct(string field, IEnumerable<string> ids)
    {
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            Fail(field, $"'{twice.Key}' is listed twice.");
        }
    }

    public DutyShift Shift(string field, AdminShiftRequest? shift)
    {
        if (shift is null)
        {
            Fail(field, "Required.");
            return new DutyShift([], default, default);
        }

        var days = List($"{field}.days", shift.Days, 7).ToArray();
        if (days.Any(d => d is < 1 or > 7) || days.Distinct().Count() != days.Length)
        {
            Fail($"{field}.days", "ISO days (Monday = 1 … Sunday = 7), each at most once.");
        }

        var start = Time($"{field}.start", shift.Start);
        var end = Time($"{field}.end", shift.End);
        if (start == end && shift.Start is not null && shift.End is not null)
        {
            Fail($"{field}.end", "A shift ends at another time than it starts (an earlier end runs overnight).");
        }

        return new DutyShift(days, start, end);
    }

    public void Fail(string field, string message) => _errors.TryAdd(field, [message]);

    private TimeOnly Time(string field, string? value)
    {
        if (value is null || !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Fail(field, "Required: a local time HH:mm.");
            return default;
        }

        return time;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
