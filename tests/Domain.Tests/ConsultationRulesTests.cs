using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Refusals;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Domain.Tests;

public sealed class ConsultationRulesTests
{
    private static readonly CaseActor Dispatcher = CaseActor.Staff("dispatcher", "ximen-dispatcher");

    private static readonly string[] Owners = ["ximen", "wenshang-subdistrict", "wenshang"];

    private static readonly DateTimeOffset Now = T0;

    // The 7 of Ximen, as in seeds/communities/ximen.json.
    private static readonly ConsultationParty[] Standing =
    [
        new("ximen-party-committee", "社区党委", "community-committee", "ximen-dispatcher"),
        new("ximen-residents-committee", "社区居委会", "community-committee", null),
        new("wenshang-subdistrict-official", "街道分管领导", "subdistrict-official", "wenshang-subdistrict-official"),
        new("ximen-owners-committees", "业主委员会代表", "owners-committee", null),
        new("ximen-party-deputy", "驻社区党代表", "party-deputy", null),
        new("ximen-npc-deputy", "驻社区人大代表", "npc-deputy", null),
        new("ximen-cppcc-member", "驻社区政协委员", "cppcc-member", null),
    ];

    private static ConsultationRequest Request(params InvitedParty[] invited) =>
        new("ximen", ["c1", "c2"], "吉市口佳苑东区业主委员会选举", Now.AddDays(3), "西门社区服务大厅", invited);

    [Fact]
    public void The_parties_are_the_seven_standing_then_the_invited_in_order()
    {
        var parties = ConsultationRules.Parties(Standing,
        [
            new InvitedParty(" 县住建局物业科 ", "department", "housing-liaison"),
            new InvitedParty("物业公司", "company", " "),
            new InvitedParty("东区3号楼居民代表", "resident", null),
        ]);

        Assert.Equal(10, parties.Count);
        Assert.Equal(Standing, parties.Take(7));
        Assert.Equal(new ConsultationParty("x1", "县住建局物业科", "department", "housing-liaison"), parties[7]);
        Assert.Equal(["x2", "x3"], parties.Skip(8).Select(p => p.Id));
        Assert.All(parties.Skip(8), p => Assert.Null(p.AccountId));
    }

    [Fact]
    public void Each_account_among_the_parties_is_owed_one_invitation_and_each_level_its_list_entry()
    {
        var record = new ConsultationRecord();
        var request = Request(new InvitedParty("县住建局", "department", "housing-liaison"), new InvitedParty("社区党委书记", "community-committee", "ximen-dispatcher"));
        ConsultationRules.Convene(record, "k1", request, ConsultationRules.Parties(Standing, request.Invited), Owners, Dispatcher, Now);

        Assert.Equal(["ximen-dispatcher", "wenshang-subdistrict-official", "housing-liaison"], record.InvitationsPending);
        Assert.Equal(["ximen", "wenshang-subdistrict", "wenshang"], record.IndexesPending);
        Assert.Equal(("k1", "吉市口佳苑东区业主委员会选举", Now.AddDays(3), "西门社区服务大厅", ConsultationStatus.Convened, 2),
            (record.ToSummary().ConsultationId, record.ToSummary().Topic, record.ToSummary().Time, record.ToSummary().Place, record.ToSummary().Status, record.ToSummary().CaseCount));
    }

    [Fact]
    public void The_minutes_owe_every_list_and_inbox_the_concluded_meeting_again()
    {
        var record = new ConsultationRecord();
        var request = Request(new InvitedParty("县住建局", "department", "housing-liaison"));
        ConsultationRules.Convene(record, "k1", request, ConsultationRules.Parties(Standing, request.Invited), Owners, Dispatcher, Now);
        record.IndexesPending.Clear();
        record.InvitationsPending.Clear();

        Assert.Null(ConsultationRules.Conclude(record, "纪要", "决议", Dispatcher, Now.AddDays(3)));

        Assert.Equal(["ximen", "wenshang-subdistrict", "wenshang"], record.IndexesPending);
        Assert.Contains("housing-liaison", record.InvitationsPending);
        Assert.Equal(ConsultationStatus.Concluded, record.ToSummary().Status);
    }

    [Fact]
    public void A_convening_needs_a_topic_a_place_a_future_time_and_at_least_one_case_naming_each_field_at_fault()
    {
        Assert.Empty(ConsultationRules.Validate(Request(), Now));

        var errors = ConsultationRules.Validate(
            new ConsultationRequest("ximen", [" ", ""], "", Now.AddMinutes(-1), " ", [new InvitedParty("", "department", "")]), Now);

        Assert.Equal(["caseIds", "invited[0].accountId", "invited[0].name", "place", "time", "topic"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Must be in the future.", errors["time"].Single());
        Assert.Equal("time", ConsultationRules.Validate(Request() with { Time = null }, Now).Keys.Single());
        Assert.Equal("time", ConsultationRules.Validate(Request() with { Time = Now }, Now).Keys.Single());
        Assert.Equal("time", ConsultationRules.Validate(Request() with { Time = Now.AddDays(400) }, Now).Keys.Single());
        var many = Enumerable.Range(0, ConsultationRules.MaxCases + 1).Select(i => $"c{i}").ToArray();
        Assert.Equal("caseIds", ConsultationRules.Validate(Request() with { CaseIds = many }, Now).Keys.Single());
    }

    [Fact]
    public void Repeated_case_ids_count_once()
    {
        Assert.Equal(["c1", "c2"], ConsultationRules.CaseIdsOf(Request() with { CaseIds = ["c1", " c2", "c1", ""] }));
    }

    [Fact]
    public void Every_linked_case_must_exist_be_open_and_belong_to_the_community()
    {
        var open = Assigned().ToSnapshot();
        var resolved = Resolved().ToSnapshot();
        var closedRecord = Resolved();
        CaseLifecycle.Rate(closedRecord, SatisfactionRating.Satisfied, null, T0.AddHours(2));
        var elsewhere = open with { CommunityId = "dongguan" };

        Assert.Empty(ConsultationRules.CheckCases("ximen", ["a", "b"], [open, resolved]));
        var problems = ConsultationRules.CheckCases("ximen", ["a", "gone", "closed", "other"], [open, null, closedRecord.ToSnapshot(), elsewhere]);

        Assert.Equal(["No case 'gone'.", "Case 'closed' is closed.", "Case 'other' belongs to another community."], problems);
    }

    [Fact]
    public void A_meeting_links_and_settles_cases_at_the_community_or_the_subdistrict_but_not_those_with_a_department_or_the_leader()
    {
        var atSubdistrict = Acknowledged();
        EscalationLadder.Escalate(atSubdistrict, Dispatcher, "街道协调", T0);
        var atDepartment = Acknowledged();
        EscalationLadder.Escalate(atDepartment, Dispatcher, "街道协调", T0);
        EscalationLadder.Escalate(atDepartment, Dispatcher, "热力公司", T0);

        Assert.Equal(["Case 'dept' is with a county department: a 7+X meeting settles cases at the community or the sub-district."],
            ConsultationRules.CheckCases("ximen", ["sd", "dept"], [atSubdistrict.ToSnapshot(), atDepartment.ToSnapshot()]));

        var settled = ConsultationRules.ResolveLinkedCase(atSubdistrict, "k1", "协商一致", Dispatcher, T0.AddHours(1));
        var refused = ConsultationRules.ResolveLinkedCase(atDepartment, "k1", "协商一致", Dispatcher, T0.AddHours(1));

        Assert.Equal((CommandOutcome.Ok, CaseLevel.Subdistrict), (settled.Outcome, atSubdistrict.ResolvedAtLevel!.Value));
        Assert.Equal((CommandOutcome.Forbidden, RefusalCodes.LevelOfficialOnly), (refused.Outcome, refused.Refusal!.Code));
        Assert.Equal(CaseStatus.Acknowledged, atDepartment.Status);
    }

    [Fact]
    public void Convening_tells_each_case_the_topic_time_and_place_and_names_the_consultation()
    {
        var record = new ConsultationRecord();
        ConsultationRules.Convene(record, "k1", Request() with { CaseIds = ["c1", "c2", "c1"] }, Standing, Owners, Dispatcher, Now);

        Assert.Equal(["c1", "c2"], record.NoticesPending);
        var notice = ConsultationRules.ConvenedNotice(record);
        Assert.Equal(CaseEventType.ConsultationConvened, notice.Type);
        Assert.Equal("k1", notice.Reference);
        Assert.Equal("dispatcher:ximen-dispatcher", notice.Actor);
        Assert.Equal("吉市口佳苑东区业主委员会选举 · 2026-11-30 08:00 +00:00 · 西门社区服务大厅", notice.Note);
    }

    [Fact]
    public void Minutes_are_recorded_once_with_a_resolution_and_leave_every_case_to_resolve()
    {
        var record = new ConsultationRecord();
        Assert.Equal(CommandOutcome.NotFound, ConsultationRules.Conclude(record, "m", "r", Dispatcher, Now)!.Outcome);
        ConsultationRules.Convene(record, "k1", Request(), Standing, Owners, Dispatcher, Now);

        var invalid = ConsultationRules.Conclude(record, " ", "", Dispatcher, Now)!;
        Assert.Equal(["minutes", "resolution"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(ConsultationRules.Conclude(record, "各方同意……", " 12月10日前完成业委会选举 ", Dispatcher, Now.AddDays(3)));

        Assert.Equal(ConsultationStatus.Concluded, record.Status);
        Assert.Equal("12月10日前完成业委会选举", record.Resolution);
        Assert.Equal(["c1", "c2"], record.ResolutionsPending);
        Assert.True(ConsultationRules.IsRepeat(record, "各方同意……", "12月10日前完成业委会选举"));
        Assert.False(ConsultationRules.IsRepeat(record, "各方同意……", "另一个决议"));
        Assert.Equal(CommandOutcome.Conflict, ConsultationRules.Conclude(record, "x", "y", Dispatcher, Now)!.Outcome);
    }

    [Fact]
    public void Each_case_is_reported_resolved_already_resolved_already_closed_or_missing()
    {
        var conflict = CaseCommandResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.CaseNotOpen, "The case is already Resolved.", ("status", "resolved")));
        var resolvedElsewhere = Resolved();
        var resolvedHere = Acknowledged();
        CaseLifecycle.Resolve(resolvedHere, Dispatcher, "决议", "k1", T0.AddHours(1));
        var closed = Resolved();
        CaseLifecycle.Rate(closed, SatisfactionRating.Satisfied, null, T0.AddHours(2));

        Assert.Equal(LinkedCaseOutcome.Resolved, ConsultationRules.Classify("a", "k1", CaseCommandResult.Ok(resolvedHere.ToSnapshot()), resolvedHere.ToSnapshot()).Outcome);
        Assert.Equal(LinkedCaseOutcome.Resolved, ConsultationRules.Classify("a", "k1", conflict, resolvedHere.ToSnapshot()).Outcome);
        Assert.Equal(LinkedCaseOutcome.AlreadyResolved, ConsultationRules.Classify("a", "k1", conflict, resolvedElsewhere.ToSnapshot()).Outcome);
        Assert.Equal(LinkedCaseOutcome.AlreadyClosed, ConsultationRules.Classify("a", "k1", conflict, closed.ToSnapshot()).Outcome);
        Assert.Equal(LinkedCaseOutcome.NotFound, ConsultationRules.Classify("a", "k1", CaseCommandResult.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.CaseNotFound, "No such case.")), null).Outcome);
    }

    [Fact]
    public void A_consultation_is_convened_once()
    {
        var record = new ConsultationRecord();
        Assert.Null(ConsultationRules.CheckNew(record));

        ConsultationRules.Convene(record, "k1", Request(), Standing, Owners, Dispatcher, Now);

        Assert.Equal(RefusalCodes.ConsultationExists, ConsultationRules.CheckNew(record)!.Refusal!.Code);
    }
}
