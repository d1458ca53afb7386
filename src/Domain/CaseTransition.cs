using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// What a command did to a case: the events it added, or why it was refused; and what the grain must
/// tell others afterwards (a cadre who lost the case, a case that needs a cadre again).
/// </summary>
public sealed record CaseTransition(CommandOutcome Outcome, Refusal? Refusal, IReadOnlyList<CaseEvent> Events)
{
    public static readonly CaseTransition Unchanged = new(CommandOutcome.Ok, null, []);

    public bool Changed => Events.Count > 0;

    /// <summary>A cadre whose load must drop: the case left them.</summary>
    public string? ReleasedCadreId { get; init; }

    /// <summary>The case is accepted with no cadre and must be dispatched again.</summary>
    public bool NeedsDispatch { get; init; }

    public static CaseTransition Refused(CommandOutcome outcome, Refusal refusal) => new(outcome, refusal, []);

    public static CaseTransition Of(IReadOnlyList<CaseEvent> events) => new(CommandOutcome.Ok, null, events);

    /// <summary>This transition followed by another, their events in order.</summary>
    public CaseTransition Then(CaseTransition next) =>
        next.Outcome != CommandOutcome.Ok
            ? this
            : new CaseTransition(Outcome, Refusal, [.. Events, .. next.Events])
            {
                ReleasedCadreId = next.ReleasedCadreId ?? ReleasedCadreId,
                NeedsDispatch = next.NeedsDispatch || NeedsDispatch,
            };
}
