namespace Gongzhi.Cases;

/// <summary>Who takes a step: <c>resident</c>, <c>system</c>, <c>cadre:{id}</c>, <c>dispatcher:{sub}</c>, <c>department:{sub}</c>, <c>leader:{sub}</c>.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseActor")]
public sealed record CaseActor(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name)
{
    public static readonly CaseActor System = new("system", null);
    public static readonly CaseActor Resident = new("resident", null);

    public static CaseActor Cadre(string cadreId, string? name = null) => new($"cadre:{cadreId}", name);

    public static CaseActor Staff(string role, string subject) => new($"{role}:{subject}", subject);

    /// <summary>The cadre id when the actor is a cadre.</summary>
    public string? CadreId => Id.StartsWith("cadre:", StringComparison.Ordinal) ? Id["cadre:".Length..] : null;
}
