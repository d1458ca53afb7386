namespace Gongzhi.Gateway.Open311;

/// <summary>
/// One element of a GeoReport v2 answer, built once and written as XML (<see cref="Open311Xml"/>) or JSON
/// (<see cref="Open311Json"/>), so the two formats cannot drift apart. A leaf holds text, a boolean or a number; an
/// object holds named children; a list holds items of one element name (XML repeats the item element inside the list
/// element, JSON writes an array).
/// </summary>
public sealed record Open311Node(string Name, Open311NodeKind Kind, object? Value = null, IReadOnlyList<Open311Node>? Children = null)
{
    public static Open311Node Text(string name, string? value) => new(name, Open311NodeKind.Text, value);

    public static Open311Node Flag(string name, bool value) => new(name, Open311NodeKind.Flag, value);

    public static Open311Node Number(string name, double? value) => new(name, Open311NodeKind.Number, value);

    public static Open311Node Object(string name, params IEnumerable<Open311Node> children) => new(name, Open311NodeKind.Object, null, [.. children]);

    public static Open311Node List(string name, params IEnumerable<Open311Node> items) => new(name, Open311NodeKind.List, null, [.. items]);
}

public enum Open311NodeKind
{
    Text,
    Flag,
    Number,
    Object,
    List,
}
