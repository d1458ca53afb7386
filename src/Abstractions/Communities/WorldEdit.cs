using Gongzhi.Cases;
using Gongzhi.Refusals;

namespace Gongzhi.Communities;

/// <summary>The answer to an admin's change of the world: done (<see cref="CommandOutcome.Ok"/>), or refused with why.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.WorldEdit")]
public sealed record WorldEdit(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] Refusal? Refusal)
{
    public static readonly WorldEdit Done = new(CommandOutcome.Ok, null);

    public static WorldEdit Refused(CommandOutcome outcome, Refusal refusal) => new(outcome, refusal);
}
