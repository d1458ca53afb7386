namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Checks a request's fields against <see cref="TextLimits"/> and collects every fault against the field that has it,
/// so the route answers one 400 <c>invalid-fields</c> naming them all and changes nothing.
/// </summary>
public sealed class FieldChecks
{
    private readonly Dictionary<string, string[]> _errors = [];

    /// <summary>A free-text field that may be left out, but not be longer than <paramref name="maxLength"/>.</summary>
    public FieldChecks Optional(string? value, string field, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            _errors[field] = [$"At most {maxLength} characters; this has {length}."];
        }

        return this;
    }

    /// <summary>A free-text field that must be given (not blank), with <paramref name="hint"/> saying what it is for.</summary>
    public FieldChecks Required(string? value, string field, int maxLength, string hint)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors[field] = [$"Required: {hint}."];
            return this;
        }

        return Optional(value, field, maxLength);
    }

    /// <summary>A list of at most <see cref="TextLimits.Items"/> texts, each at most <paramref name="maxLength"/> long.</summary>
    public FieldChecks Each(IReadOnlyList<string?>? values, string field, int maxLength)
    {
        if (values is null)
        {
            return this;
        }

        if (values.Count > TextLimits.Items)
        {
            _errors[field] = [$"At most {TextLimits.Items} items; this has {values.Count}."];
            return this;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Optional(values[i], $"{field}[{i}]", maxLength);
        }

        return this;
    }

    /// <summary>A fault of the caller's own making, such as a value outside a list of choices.</summary>
    public FieldChecks Fault(string field, string message)
    {
        _errors[field] = [message];
        return this;
    }

    /// <summary>The 400 naming each field at fault; null when every field passed.</summary>
    public ValidationProblem? Problem => _errors.Count == 0 ? null : Problems.Invalid(_errors);
}
