namespace Gongzhi.Consultations;

/// <summary>One linked case after the minutes: resolved by them, or why not.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.LinkedCaseResult")]
public sealed record LinkedCaseResult(
    [property: Id(0)] string CaseId,
    [property: Id(1)] LinkedCaseOutcome Outcome,
    [property: Id(2)] string? Reason);
