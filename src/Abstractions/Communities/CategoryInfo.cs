using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>A category of request a community takes: the handling mode it starts in, its SLA class, the department above it.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CategoryInfo")]
public sealed record CategoryInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] HandlingMode DefaultMode)
{
    /// <summary>The SLA class (<c>urgent</c>, <c>utilities</c>, <c>general</c>, <c>complex</c>) for every kind not listed in <see cref="SlaClassByKind"/>.</summary>
    [Id(4)]
    public string SlaClass { get; init; } = "general";

    /// <summary>Per-kind exceptions, e.g. a suggestion on planning takes the complex class.</summary>
    [Id(5)]
    public IReadOnlyDictionary<CaseKind, string> SlaClassByKind { get; init; } = new Dictionary<CaseKind, string>();

    /// <summary>The county department that takes the category's cases at the department level.</summary>
    [Id(6)]
    public string? DepartmentId { get; init; }

    /// <summary>How long an assigned cadre has to acknowledge before the case is offered to the next one.</summary>
    [Id(7)]
    public TimeSpan OfferWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>When this category's arrivals in one compound or building are an early warning; null for <see cref="SurgeSettings.Default"/>, so rows stored before it stay as they were.</summary>
    [Id(8)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SurgeSettings? Surge { get; init; }
}
