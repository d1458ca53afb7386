using Gongzhi.Cases;
using Gongzhi.Consultations;
using Gongzhi.Refusals;
using Gongzhi.Domain;
using Gongzhi.VideoPetitions;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

/// <summary>The rules refuse with a code from the catalog and its args in API spelling; the English detail is for people only.</summary>
public sealed class RuleRefusalCodesTests
{
    private static readonly CaseActor Dispatcher = CaseActor.Staff("dispatcher", "ximen-dispatcher");

    private static void Refused(CaseTransition t, CommandOutcome outcome, string code, params (string Name, string Value)[] args)
    {
        Assert.Equal(outcome, t.Outcome);
        Assert.Empty(t.Events);
        Assert.Equal(code, t.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(t.Refusal.Detail));
        Assert.Equal(args.ToDictionary(a => a.Name, a => a.Value), t.Refusal.Args);
    }

    [Fact]
    public void A_command_on_a_case_not_taken_in_is_case_not_found()
    {
        Refused(CaseLifecycle.Acknowledge(new CaseRecord(), "wang", T0), CommandOutcome.NotFound, RefusalCodes.CaseNotFound);
        Refused(CaseLifecycle.Rate(new CaseRecord(), SatisfactionRating.Satisfied, null, T0), CommandOutcome.NotFound, RefusalCodes.CaseNotFound);
    }

    [Fact]
    public void Another_cadre_is_other_cadre_and_the_wrong_status_names_the_status_needed()
    {
        Refused(CaseLifecycle.Acknowledge(Assigned("wang"), "li", T0), CommandOutcome.Forbidden, RefusalCodes.OtherCadre);
        Refused(CaseLifecycle.Acknowledge(Acknowledged("wang"), "wang", T0), CommandOutcome.Conflict, RefusalCodes.WrongStatus,
            ("status", "acknowledged"), ("expected", "assigned"));
        Refused(CaseLifecycle.Rate(Acknowledged(), SatisfactionRating.Satisfied, null, T0), CommandOutcome.Conflict, RefusalCodes.WrongStatus,
            ("status", "acknowledged"), ("expected", "resolved"));
    }

    [Fact]
    public void Reassigning_names_the_cadre_who_already_has_it_and_a_settled_case_is_not_open()
    {
        Refused(CaseLifecycle.Reassign(Assigned("wang"), AssignTo("wang"), Dispatcher), CommandOutcome.Conflict, RefusalCodes.AlreadyAssigned, ("cadreId", "wang"));
        Refused(CaseLifecycle.Reassign(Resolved(), AssignTo("li"), Dispatcher), CommandOutcome.Conflict, RefusalCodes.CaseNotOpen, ("status", "resolved"));
        Refused(CaseLifecycle.Resolve(Resolved(), Dispatcher, "再次", null, T0), CommandOutcome.Conflict, RefusalCodes.CaseNotOpen, ("status", "resolved"));
        Refused(CaseMerging.MergeInto(Assigned(), "c1", Dispatcher, T0), CommandOutcome.Conflict, RefusalCodes.MergeIntoSelf);
    }

    [Fact]
    public void Mode_steps_say_which_step_is_missing_done_or_of_another_mode_in_api_spelling()
    {
        var doForYou = Acknowledged(mode: HandlingMode.DoForYou);

        Refused(ModeWorkflow.Step(doForYou, CaseActor.Cadre("wang"), new CaseStep(CaseEventType.DocumentsHandedOver, "身份证"), T0),
            CommandOutcome.Conflict, RefusalCodes.StepOutOfOrder, ("step", "documentsHandedOver"), ("after", "consentRecorded"));
        Refused(ModeWorkflow.Step(doForYou, CaseActor.Cadre("wang"), new CaseStep(CaseEventType.WorkStarted, null), T0),
            CommandOutcome.Conflict, RefusalCodes.StepOfOtherMode, ("step", "workStarted"), ("stepMode", "doItNow"), ("mode", "doForYou"));
        Refused(ModeWorkflow.Step(doForYou, CaseActor.Cadre("wang"), new CaseStep(CaseEventType.ReceiptConfirmed, null), T0),
            CommandOutcome.Forbidden, RefusalCodes.StepForResident, ("step", "receiptConfirmed"));
        Refused(ModeWorkflow.Step(doForYou, CaseActor.Resident, new CaseStep(CaseEventType.DocumentsHandedOver, "x"), T0),
            CommandOutcome.Forbidden, RefusalCodes.StepForCadre, ("step", "documentsHandedOver"));
        Refused(CaseLifecycle.Resolve(doForYou, CaseActor.Cadre("wang"), "办好了", null, T0),
            CommandOutcome.Conflict, RefusalCodes.StepsBeforeResolve, ("mode", "doForYou"), ("step", "consentRecorded"));

        Assert.Equal(CommandOutcome.Ok, ModeWorkflow.Step(doForYou, CaseActor.Resident, new CaseStep(CaseEventType.ConsentRecorded, null), T0).Outcome);
        Refused(ModeWorkflow.Step(doForYou, CaseActor.Resident, new CaseStep(CaseEventType.ConsentRecorded, null), T0),
            CommandOutcome.Conflict, RefusalCodes.StepAlreadyDone, ("step", "consentRecorded"));
        Refused(ModeWorkflow.Step(doForYou, CaseActor.Cadre("wang"), new CaseStep(CaseEventType.DocumentsHandedOver, " "), T0),
            CommandOutcome.Conflict, RefusalCodes.StepNeedsNote, ("step", "documentsHandedOver"));
    }

    [Fact]
    public void Changing_to_the_same_mode_is_same_mode()
    {
        Refused(ModeWorkflow.ChangeMode(Assigned(), HandlingMode.DoItNow, Dispatcher, T0), CommandOutcome.Conflict, RefusalCodes.SameMode, ("mode", "doItNow"));
    }

    [Fact]
    public void The_ladder_refuses_at_its_ends_naming_the_level()
    {
        var record = Acknowledged();
        Refused(EscalationLadder.Return(record, Dispatcher, "回去", T0), CommandOutcome.Conflict, RefusalCodes.BottomOfLadder, ("level", "community"));
        for (var i = 0; i < 3; i++)
        {
            EscalationLadder.Escalate(record, Dispatcher, "上报", T0);
        }

        Refused(EscalationLadder.Escalate(record, Dispatcher, "再上报", T0), CommandOutcome.Conflict, RefusalCodes.TopOfLadder, ("level", "leader"));
    }

    [Fact]
    public void Consultations_and_video_petitions_refuse_with_their_own_codes()
    {
        Assert.Equal(RefusalCodes.ConsultationNotFound, ConsultationRules.Conclude(new ConsultationRecord(), "m", "r", Dispatcher, T0)!.Refusal!.Code);
        Assert.Equal(RefusalCodes.PetitionNotFound, VideoPetitionRules.Cancel(new VideoPetitionRecord(), Dispatcher, null, T0)!.Refusal!.Code);
        Assert.Equal(RefusalCodes.CaseNotFound, VideoPetitionRules.CheckCase(null)!.Refusal!.Code);

        var closed = Resolved();
        CaseLifecycle.Rate(closed, SatisfactionRating.Satisfied, null, T0);
        var refusal = VideoPetitionRules.CheckCase(closed.ToSnapshot())!.Refusal!;
        Assert.Equal(RefusalCodes.CaseNotOpen, refusal.Code);
        Assert.Equal("closed", refusal.Args["status"]);

        var petition = Opened();
        var early = VideoPetitionRules.RecordOutcome(petition, Dispatcher, "谈妥了", T0)!.Refusal!;
        Assert.Equal(RefusalCodes.PetitionWrongStatus, early.Code);
        Assert.Equal(new Dictionary<string, string> { ["status"] = "requested", ["expected"] = "scheduled" }, early.Args);

        VideoPetitionRules.Cancel(petition, CaseActor.Resident, null, T0);
        var again = VideoPetitionRules.Cancel(petition, CaseActor.Resident, null, T0)!.Refusal!;
        Assert.Equal(RefusalCodes.PetitionNotOpen, again.Code);
        Assert.Equal("cancelled", again.Args["status"]);
    }

    [Fact]
    public void Invalid_fields_are_invalid_fields_with_the_errors_beside_them()
    {
        var invalid = VideoPetitionRules.Accept(Opened(), Dispatcher, T0.AddDays(-1), T0)!;

        Assert.True(invalid.IsInvalid);
        Assert.Equal(RefusalCodes.InvalidFields, invalid.Refusal!.Code);
        Assert.Contains("slot", invalid.Errors.Keys);
    }

    private static VideoPetitionRecord Opened()
    {
        var petition = new VideoPetitionRecord();
        VideoPetitionRules.Open(petition, "p1", new VideoPetitionRequest("c1", CaseActor.Resident, "想视频说明", []), Acknowledged().ToSnapshot(), T0);
        return petition;
    }
}
