namespace Gongzhi.Cases;

/// <summary>The answer to a command on a case: the outcome, a reason when refused, the case after it.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseCommandResult")]
public sealed record CaseCommandResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] CaseSnapshot? Case)
{
    public static CaseCommandResult Ok(CaseSnapshot snapshot) => new(CommandOutcome.Ok, null, snapshot);

    public static CaseCommandResult Refused(CommandOutcome outcome, string reason) => new(outcome, reason, null);
}
