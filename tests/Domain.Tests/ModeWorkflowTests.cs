using Gongzhi.Cases;
using Gongzhi.Refusals;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class ModeWorkflowTests
{
    private static readonly CaseActor Wang = CaseActor.Cadre("wang");

    private static CaseTransition Step(CaseRecord record, CaseActor actor, CaseEventType type, string? note = "note") =>
        ModeWorkflow.Step(record, actor, new CaseStep(type, note), T0.AddMinutes(5));

    private static CaseTransition Resolve(CaseRecord record) => CaseLifecycle.Resolve(record, Wang, "办结", null, T0.AddHours(1));

    [Fact]
    public void Do_it_now_acknowledge_act_resolve()
    {
        var record = Acknowledged(mode: HandlingMode.DoItNow);

        Assert.Equal(CommandOutcome.Ok, Step(record, Wang, CaseEventType.WorkStarted, null).Outcome);
        Assert.Equal(CommandOutcome.Ok, Resolve(record).Outcome);
        Assert.Equal(CaseEventType.WorkStarted, record.Timeline[^2].Type);
    }

    [Fact]
    public void Lead_through_needs_the_arrangement_then_the_residents_confirmation_before_resolving()
    {
        var record = Acknowledged(mode: HandlingMode.LeadThrough);

        Assert.Equal(CommandOutcome.Conflict, Resolve(record).Outcome);
        Assert.Equal(CommandOutcome.Conflict, Step(record, CaseActor.Resident, CaseEventType.LedThroughConfirmed).Outcome);
        Assert.Equal(CommandOutcome.Conflict, Step(record, Wang, CaseEventType.AccompanimentArranged, " ").Outcome);
        Assert.Equal(CommandOutcome.Ok, Step(record, Wang, CaseEventType.AccompanimentArranged, "11-28 15:00 · 县政务中心 · 社保窗口").Outcome);
        Assert.Equal(CommandOutcome.Forbidden, Step(record, Wang, CaseEventType.LedThroughConfirmed).Outcome);
        Assert.Equal(CommandOutcome.Conflict, Resolve(record).Outcome);
        Assert.Equal(CommandOutcome.Ok, Step(record, CaseActor.Resident, CaseEventType.LedThroughConfirmed).Outcome);
        Assert.Equal(CommandOutcome.Ok, Resolve(record).Outcome);
        Assert.Equal("resident", record.Timeline[^2].Actor);
    }

    [Fact]
    public void Do_for_you_needs_consent_before_work_then_documents_result_and_receipt()
    {
        var record = Assigned(mode: HandlingMode.DoForYou);

        Assert.Equal(CommandOutcome.Ok, Step(record, CaseActor.Resident, CaseEventType.ConsentRecorded, "同意代办").Outcome);
        CaseLifecycle.Acknowledge(record, "wang", T0.AddMinutes(2));
        Assert.Equal(CommandOutcome.Conflict, Step(record, Wang, CaseEventType.ResultHandedOver).Outcome);
        Assert.Equal(CommandOutcome.Ok, Step(record, Wang, CaseEventType.DocumentsHandedOver, "身份证复印件、户口本").Outcome);
        Assert.Equal(CommandOutcome.Conflict, Resolve(record).Outcome);
        Assert.Equal(CommandOutcome.Ok, Step(record, Wang, CaseEventType.ResultHandedOver, "老年证已送到家").Outcome);
        Assert.Equal(CommandOutcome.Forbidden, Step(record, Wang, CaseEventType.ReceiptConfirmed).Outcome);
        Assert.Equal(CommandOutcome.Ok, Step(record, CaseActor.Resident, CaseEventType.ReceiptConfirmed, null).Outcome);
        Assert.Equal(CommandOutcome.Ok, Resolve(record).Outcome);
    }

    [Fact]
    public void Documents_cannot_be_taken_before_consent()
    {
        var record = Acknowledged(mode: HandlingMode.DoForYou);
        var t = Step(record, Wang, CaseEventType.DocumentsHandedOver);

        Assert.Equal(CommandOutcome.Conflict, t.Outcome);
        Assert.Equal(RefusalCodes.StepOutOfOrder, t.Refusal!.Code);
        Assert.Equal("consentRecorded", t.Refusal.Args["after"]);
    }

    [Fact]
    public void A_step_of_another_mode_or_by_another_cadre_or_taken_twice_is_refused()
    {
        var record = Acknowledged(mode: HandlingMode.DoItNow);

        Assert.Equal(CommandOutcome.Conflict, Step(record, Wang, CaseEventType.AccompanimentArranged).Outcome);
        Assert.Equal(CommandOutcome.Forbidden, Step(record, CaseActor.Cadre("li"), CaseEventType.WorkStarted).Outcome);
        Assert.Equal(CommandOutcome.Ok, Step(record, Wang, CaseEventType.WorkStarted).Outcome);
        Assert.Equal(CommandOutcome.Conflict, Step(record, Wang, CaseEventType.WorkStarted).Outcome);
    }

    [Fact]
    public void Changing_the_mode_restarts_the_steps_in_the_new_workflow()
    {
        var record = Acknowledged(mode: HandlingMode.LeadThrough);
        Step(record, Wang, CaseEventType.AccompanimentArranged);

        var changed = ModeWorkflow.ChangeMode(record, HandlingMode.DoForYou, CaseActor.Staff("dispatcher", "d1"), T0);

        Assert.Equal([CaseEventType.ModeChanged], changed.Types());
        Assert.Equal(HandlingMode.DoForYou, record.Mode);
        Assert.Empty(ModeWorkflow.StepsDone(record));
        Assert.Equal(CommandOutcome.Conflict, ModeWorkflow.ChangeMode(record, HandlingMode.DoForYou, CaseActor.Staff("dispatcher", "d1"), T0).Outcome);
    }
}
