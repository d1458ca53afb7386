using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>The community's answer to an accepted case: its mode and terms, the cadre if one was free, open cases it may duplicate.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.DispatchDecision")]
public sealed record DispatchDecision(
    [property: Id(0)] HandlingMode Mode,
    [property: Id(1)] Assignment? Assignment,
    [property: Id(2)] CaseTerms Terms,
    [property: Id(3)] IReadOnlyList<string> PossibleDuplicates);
