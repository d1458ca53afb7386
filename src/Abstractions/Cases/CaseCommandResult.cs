using Gongzhi.Refusals;

namespace Gongzhi.Cases;

/// <summary>The answer to a command on a case: the outcome, the refusal when refused, the case after it.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseCommandResult")]
public sealed record CaseCommandResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(3)] Refusal? Refusal,
    [property: Id(2)] CaseSnapshot? Case)
{
    public static CaseCommandResult Ok(CaseSnapshot snapshot) => new(CommandOutcome.Ok, null, snapshot);

    public static CaseCommandResult Refused(CommandOutcome outcome, Refusal refusal) => new(outcome, refusal, null);
}
