using Gongzhi.Cases;
using Gongzhi.Refusals;

namespace Gongzhi.Communities;

/// <summary>The answer to a dispatcher's choice of cadre: the assignment, or why that cadre cannot take the case.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ManualAssignment")]
public sealed record ManualAssignment(
    [property: Id(0)] Assignment? Assignment,
    [property: Id(2)] Refusal? Refusal);
