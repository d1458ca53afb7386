using Gongzhi.Cases;

namespace Gongzhi.Silo.Domain;

/// <summary>What a command did to a case: the events it added, or why it was refused.</summary>
public sealed record CaseTransition(CommandOutcome Outcome, string? Reason, IReadOnlyList<CaseEvent> Events)
{
    public static readonly CaseTransition Unchanged = new(CommandOutcome.Ok, null, []);

    public bool Changed => Events.Count > 0;

    public static CaseTransition Refused(CommandOutcome outcome, string reason) => new(outcome, reason, []);
}
