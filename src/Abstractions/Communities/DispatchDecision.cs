using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>
/// The community's answer to an accepted case: its mode and terms, the cadre if one was free, open cases it may duplicate,
/// and whether the community held the case open before this call (a redelivery or a retry, never a new case).
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.DispatchDecision")]
public sealed record DispatchDecision(
    [property: Id(0)] HandlingMode Mode,
    [property: Id(1)] Assignment? Assignment,
    [property: Id(2)] CaseTerms Terms,
    [property: Id(3)] IReadOnlyList<string> PossibleDuplicates)
{
    /// <summary>The community held the case open before this call: the case was submitted before, and may be stored.</summary>
    [Id(4)]
    public bool HeldBefore { get; init; }
}
