using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>The community's answer to an accepted case: the handling mode of its category, and the cadre if one was free.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.DispatchDecision")]
public sealed record DispatchDecision(
    [property: Id(0)] HandlingMode Mode,
    [property: Id(1)] Assignment? Assignment);
