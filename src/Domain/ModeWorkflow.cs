using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// The handling modes as workflows. 马上办 do it now: acknowledge, (start work), resolve. 领着办 lead you
/// through it: the cadre arranges the accompaniment, the resident confirms they were led through, then
/// resolve. 代为办 do it for you: the resident's consent before any work, the cadre hands over documents
/// and then the result, the resident confirms receipt, then resolve. Steps count from the last mode
/// change or reopening, so a new round starts clean.
/// </summary>
public static class ModeWorkflow
{
    /// <summary>Who takes a step: the assigned cadre, or the resident.</summary>
    private enum Taker
    {
        Cadre,
        Resident,
        CadreOrResident,
    }

    private sealed record StepRule(HandlingMode Mode, Taker Taker, CaseStatus[] Statuses, CaseEventType[] Requires, bool NoteRequired);

    private static readonly Dictionary<CaseEventType, StepRule> Rules = new()
    {
        [CaseEventType.WorkStarted] = new(HandlingMode.DoItNow, Taker.Cadre, [CaseStatus.Acknowledged], [], false),
        [CaseEventType.AccompanimentArranged] = new(HandlingMode.LeadThrough, Taker.Cadre, [CaseStatus.Acknowledged], [], true),
        [CaseEventType.LedThroughConfirmed] = new(HandlingMode.LeadThrough, Taker.Resident, [CaseStatus.Acknowledged], [CaseEventType.AccompanimentArranged], false),
        [CaseEventType.ConsentRecorded] = new(HandlingMode.DoForYou, Taker.CadreOrResident, [CaseStatus.Assigned, CaseStatus.Acknowledged], [], false),
        [CaseEventType.DocumentsHandedOver] = new(HandlingMode.DoForYou, Taker.Cadre, [CaseStatus.Acknowledged], [CaseEventType.ConsentRecorded], true),
        [CaseEventType.ResultHandedOver] = new(HandlingMode.DoForYou, Taker.Cadre, [CaseStatus.Acknowledged], [CaseEventType.DocumentsHandedOver], true),
        [CaseEventType.ReceiptConfirmed] = new(HandlingMode.DoForYou, Taker.Resident, [CaseStatus.Acknowledged], [CaseEventType.ResultHandedOver], false),
    };

    /// <summary>The steps a cadre must see done before resolving, per mode.</summary>
    private static readonly Dictionary<HandlingMode, CaseEventType[]> BeforeResolve = new()
    {
        [HandlingMode.DoItNow] = [],
        [HandlingMode.LeadThrough] = [CaseEventType.AccompanimentArranged, CaseEventType.LedThroughConfirmed],
        [HandlingMode.DoForYou] = [CaseEventType.ConsentRecorded, CaseEventType.DocumentsHandedOver, CaseEventType.ResultHandedOver, CaseEventType.ReceiptConfirmed],
    };

    public static bool IsStep(CaseEventType type) => Rules.ContainsKey(type);

    /// <summary>Takes one step of the case's mode, by the assigned cadre or the resident as the step requires.</summary>
    public static CaseTransition Step(CaseRecord record, CaseActor actor, CaseStep step, DateTimeOffset now)
    {
        if (record.Submission is null)
        {
            return CaseRefusals.NotFound();
        }

        if (!Rules.TryGetValue(step.Type, out var rule))
        {
            return CaseRefusals.Conflict(RefusalCodes.NotAStep, $"{step.Type} is not a step of any handling mode.", ("step", Refusal.Name(step.Type)));
        }

        var isResident = actor.Id == CaseActor.Resident.Id;
        var isAssignee = actor.CadreId is { } cadre && cadre == record.AssigneeId;
        var allowed = rule.Taker switch
        {
            Taker.Cadre => isAssignee,
            Taker.Resident => isResident,
            _ => isAssignee || isResident,
        };
        if (!allowed)
        {
            return rule.Taker == Taker.Resident
                ? CaseRefusals.Forbidden(RefusalCodes.StepForResident, "Only the resident confirms this step.", ("step", Refusal.Name(step.Type)))
                : CaseRefusals.Forbidden(RefusalCodes.StepForCadre, "Only the assigned cadre takes this step.", ("step", Refusal.Name(step.Type)));
        }

        if (record.Mode != rule.Mode)
        {
            return CaseRefusals.Conflict(RefusalCodes.StepOfOtherMode, $"{step.Type} belongs to {rule.Mode}; the case is handled {record.Mode}.",
                ("step", Refusal.Name(step.Type)), ("stepMode", Refusal.Name(rule.Mode)), ("mode", Refusal.Name(record.Mode)));
        }

        if (!rule.Statuses.Contains(record.Status))
        {
            return CaseRefusals.Conflict(RefusalCodes.WrongStatus, $"The case is {record.Status}; {step.Type} needs it {string.Join(" or ", rule.Statuses)}.",
                ("status", Refusal.Name(record.Status)), ("expected", Refusal.Names(rule.Statuses)), ("step", Refusal.Name(step.Type)));
        }

        var done = StepsDone(record);
        if (done.Contains(step.Type))
        {
            return CaseRefusals.Conflict(RefusalCodes.StepAlreadyDone, $"{step.Type} was already recorded.", ("step", Refusal.Name(step.Type)));
        }

        if (rule.Requires.FirstOrDefault(r => !done.Contains(r)) is var missing && missing != default)
        {
            return CaseRefusals.Conflict(RefusalCodes.StepOutOfOrder, $"{step.Type} comes after {missing}.",
                ("step", Refusal.Name(step.Type)), ("after", Refusal.Name(missing)));
        }

        if (rule.NoteRequired && string.IsNullOrWhiteSpace(step.Note))
        {
            return CaseRefusals.Conflict(RefusalCodes.StepNeedsNote, $"{step.Type} needs a note for the resident.", ("step", Refusal.Name(step.Type)));
        }

        var taker = isResident ? CaseActor.Resident : CaseActor.Cadre(record.AssigneeId!, record.AssigneeName);
        return CaseLifecycle.One(CaseLifecycle.Append(record, step.Type, record.Status, now, taker, step.Note));
    }

    /// <summary>A dispatcher changes the mode of an unresolved case; the new mode's steps start from scratch.</summary>
    public static CaseTransition ChangeMode(CaseRecord record, HandlingMode mode, CaseActor dispatcher, DateTimeOffset now)
    {
        if (!record.IsUnresolved)
        {
            return CaseRefusals.NotOpen(record, "Only an open, unresolved case can change mode.");
        }

        if (record.Mode == mode)
        {
            return CaseRefusals.Conflict(RefusalCodes.SameMode, $"The case is already handled {mode}.", ("mode", Refusal.Name(mode)));
        }

        record.Mode = mode;
        return CaseLifecycle.One(CaseLifecycle.Append(record, CaseEventType.ModeChanged, record.Status, now, dispatcher, DeadlineRules.WireName(mode)));
    }

    /// <summary>Null when the assigned cadre may resolve; otherwise the step still missing.</summary>
    public static CaseTransition? CheckReadyToResolve(CaseRecord record)
    {
        var done = StepsDone(record);
        var missing = BeforeResolve[record.Mode].FirstOrDefault(s => !done.Contains(s));
        return missing == default
            ? null
            : CaseRefusals.Conflict(RefusalCodes.StepsBeforeResolve, $"A case handled {record.Mode} is resolved after {missing}.",
                ("mode", Refusal.Name(record.Mode)), ("step", Refusal.Name(missing)));
    }

    /// <summary>The mode steps recorded since the last mode change or reopening.</summary>
    public static HashSet<CaseEventType> StepsDone(CaseRecord record)
    {
        var since = record.Timeline.FindLastIndex(e => e.Type is CaseEventType.ModeChanged or CaseEventType.Reopened);
        return record.Timeline.Skip(since + 1).Select(e => e.Type).Where(IsStep).ToHashSet();
    }
}
