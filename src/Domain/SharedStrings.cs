using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Gongzhi.Domain;

/// <summary>
/// One instance of each short value that thousands of cases repeat (community, category, compound, building and
/// ladder ids, cadre ids and names, and small immutable records made of them: a case's terms and place), so a silo
/// holding 100,000 cases keeps each value once instead of once per case.
/// Bounded: past its capacity, or for long text, a value is returned as it came, so free text cannot grow it.
/// </summary>
public sealed class SharedStrings(int capacity = 50_000, int maxLength = 64)
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<object, object> _records = new();

    /// <summary>The pool the silo's case grains share.</summary>
    public static SharedStrings Cases { get; } = new();

    public int Count => _values.Count;

    /// <summary>How many records are pooled (see <see cref="ShareRecord"/>).</summary>
    public int RecordCount => _records.Count;

    /// <summary>The pooled instance equal to <paramref name="value"/> (the value itself when it cannot be pooled).</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return value.Length > maxLength || _values.Count >= capacity ? value : _values.GetOrAdd(value, value);
    }

    /// <summary>
    /// The pooled instance equal to <paramref name="value"/>, an immutable record compared by value (its strings should
    /// be shared first, so the pooled one holds shared strings); the value itself past the capacity.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public T? ShareRecord<T>(T? value)
        where T : class
    {
        if (value is null)
        {
            return null;
        }

        if (_records.TryGetValue(value, out var shared))
        {
            return (T)shared;
        }

        return _records.Count >= capacity ? value : (T)_records.GetOrAdd(value, value);
    }
}
