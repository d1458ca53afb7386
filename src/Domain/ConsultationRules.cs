using System.Globalization;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;

namespace Gongzhi.Domain;

/// <summary>
/// 7+X 民主协商议事会: a dispatcher convenes the community's 7 standing parties and the X stakeholders
/// concerned on one or more open cases of the community; the minutes' agreed resolution then settles
/// every linked case still unresolved.
/// </summary>
public static class ConsultationRules
{
    public const int MaxCases = 20;
    public const int MaxInvited = 30;
    public const int MaxShortText = 200;
    public const int MaxResolution = 2000;
    public const int MaxMinutes = 20000;

    /// <summary>How far ahead a meeting may be convened.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(365);

    /// <summary>The request's own fields at fault, by field path (the cases are checked against their grains apart).</summary>
    public static Dictionary<string, string[]> Validate(ConsultationRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "topic", request.Topic, "what the meeting is to settle", MaxShortText);
        Require(errors, "place", request.Place, "where the parties meet", MaxShortText);
        if (request.Time is not { } time)
        {
            errors["time"] = ["Required: when the parties meet."];
        }
        else if (time <= now)
        {
            errors["time"] = ["Must be in the future."];
        }
        else if (time > now + MaxLead)
        {
            errors["time"] = [$"At most {MaxLead.TotalDays} days ahead."];
        }

        var cases = request.CaseIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().Count();
        if (cases == 0)
        {
            errors["caseIds"] = ["Required: at least one case to settle."];
        }
        else if (cases > MaxCases)
        {
            errors["caseIds"] = [$"At most {MaxCases} cases."];
        }

        if (request.Invited.Count > MaxInvited)
        {
            errors["invited"] = [$"At most {MaxInvited} invited parties."];
        }

        for (var i = 0; i < request.Invited.Count && i < MaxInvited; i++)
        {
            var party = request.Invited[i];
            Require(errors, $"invited[{i}].name", party.Name, "who is invited", MaxShortText);
            Require(errors, $"invited[{i}].role", party.Role, "in what capacity (department, company, resident …)", MaxShortText);
            if (party.AccountId is { } account && (string.IsNullOrWhiteSpace(account) || account.Length > MaxShortText))
            {
                errors[$"invited[{i}].accountId"] = ["A staff account id, or leave it out."];
            }
        }

        return errors;
    }

    /// <summary>Why this consultation cannot be convened: it already was (an id is used once); null when it can.</summary>
    public static ConsultationResult? CheckNew(ConsultationRecord record) =>
        record.Exists ? ConsultationResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.ConsultationExists, "This consultation was already convened.")) : null;

    /// <summary>The linked cases in request order, blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> CaseIdsOf(ConsultationRequest request) =>
        request.CaseIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct().ToArray();

    /// <summary>
    /// The levels a 7+X meeting settles: the community's, and the sub-district's, whose official sits among the 7 standing
    /// parties (大事不出镇). A case a county department or the leader holds is theirs to resolve, however the meeting went.
    /// </summary>
    public static bool Settles(CaseLevel level) => level is CaseLevel.Community or CaseLevel.Subdistrict;

    /// <summary>The meeting's resolution resolves a linked case, if the case is at a level the meeting settles.</summary>
    public static CaseTransition ResolveLinkedCase(CaseRecord record, string consultationId, string resolution, CaseActor actor, DateTimeOffset now) =>
        record.Submission is not null && !Settles(record.Level)
            ? CaseRefusals.Forbidden(RefusalCodes.LevelOfficialOnly, $"The case is with {LevelName(record.Level)}, whose official resolves it; a 7+X meeting settles cases at the community or the sub-district.",
                ("level", Refusal.Name(record.Level)), ("levelOwnerId", record.LevelOwnerId))
            : CaseLifecycle.Resolve(record, actor, resolution, consultationId, now);

    /// <summary>What is wrong with the linked cases: each must exist, be open (not closed), belong to the community and be at a level the meeting settles.</summary>
    public static string[] CheckCases(string communityId, IReadOnlyList<string> caseIds, IReadOnlyList<CaseSnapshot?> snapshots)
    {
        var problems = new List<string>();
        for (var i = 0; i < caseIds.Count; i++)
        {
            var problem = snapshots[i] switch
            {
                null => $"No case '{caseIds[i]}'.",
                { CommunityId: var other } when other != communityId => $"Case '{caseIds[i]}' belongs to another community.",
                { Status: CaseStatus.Closed } => $"Case '{caseIds[i]}' is closed.",
                { Level: var level } when !Settles(level) =>
                    $"Case '{caseIds[i]}' is with {LevelName(level)}: a 7+X meeting settles cases at the community or the sub-district.",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return problems.ToArray();
    }

    /// <summary>The 7 standing parties of the community, then the X invited (ids x1, x2 … in the order given).</summary>
    public static IReadOnlyList<ConsultationParty> Parties(IReadOnlyList<ConsultationParty> standing, IReadOnlyList<InvitedParty> invited) =>
        standing.Concat(invited.Select((p, i) => new ConsultationParty(
                $"x{i + 1}", p.Name.Trim(), p.Role.Trim(), string.IsNullOrWhiteSpace(p.AccountId) ? null : p.AccountId.Trim())))
            .ToArray();

    /// <summary>
    /// Records the convened meeting; every linked case is still to be told, every list of its levels
    /// (<paramref name="owners"/>: the community, its sub-district and county) and every invited account's inbox to be given it.
    /// </summary>
    public static void Convene(ConsultationRecord record, string consultationId, ConsultationRequest request,
        IReadOnlyList<ConsultationParty> parties, IReadOnlyList<string> owners, CaseActor convener, DateTimeOffset now)
    {
        record.ConsultationId = consultationId;
        record.CommunityId = request.CommunityId;
        record.CaseIds = CaseIdsOf(request).ToList();
        record.Topic = request.Topic.Trim();
        record.Time = request.Time!.Value;
        record.Place = request.Place.Trim();
        record.Parties = parties.ToList();
        record.ConvenedBy = convener;
        record.ConvenedAt = now;
        record.Status = ConsultationStatus.Convened;
        record.NoticesPending = record.CaseIds.ToList();
        record.IndexOwners = owners.Where(o => !string.IsNullOrWhiteSpace(o)).Distinct().ToList();
        OweListsAndInboxes(record);
    }

    /// <summary>The accounts invited, once each however many parties each stands for.</summary>
    public static IReadOnlyList<string> InvitedAccounts(ConsultationRecord record) =>
        record.Parties.Select(p => p.AccountId).OfType<string>().Distinct().ToArray();

    // After each step the lists and inboxes are owed the meeting as it now stands (they upsert, so owing twice is harmless).
    private static void OweListsAndInboxes(ConsultationRecord record)
    {
        record.IndexesPending = record.IndexOwners.ToList();
        record.InvitationsPending = InvitedAccounts(record).ToList();
    }

    /// <summary>What each linked case's timeline says of the convening.</summary>
    public static CaseNotice ConvenedNotice(ConsultationRecord record) =>
        new(CaseEventType.ConsultationConvened, record.ConvenedBy!.Id, record.ConvenedBy.Name,
            $"{record.Topic} · {record.Time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} · {record.Place}", record.ConsultationId);

    /// <summary>The same minutes and resolution sent again (a retry): answered with what was recorded, not refused.</summary>
    public static bool IsRepeat(ConsultationRecord record, string minutes, string resolution) =>
        record.Status == ConsultationStatus.Concluded && record.Minutes == minutes.Trim() && record.Resolution == resolution.Trim();

    /// <summary>Records the minutes and resolution of a convened consultation; every linked case is still to be resolved.</summary>
    public static ConsultationResult? Conclude(ConsultationRecord record, string minutes, string resolution, CaseActor actor, DateTimeOffset now)
    {
        if (!record.Exists)
        {
            return ConsultationResult.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.ConsultationNotFound, "No such consultation."));
        }

        if (record.Status != ConsultationStatus.Convened)
        {
            return ConsultationResult.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.ConsultationConcluded, "The minutes of this consultation are already recorded."));
        }

        var errors = new Dictionary<string, string[]>();
        Require(errors, "minutes", minutes, "what the parties said and agreed", MaxMinutes);
        Require(errors, "resolution", resolution, "the agreed resolution, which the residents will read", MaxResolution);
        if (errors.Count > 0)
        {
            return ConsultationResult.Invalid(errors);
        }

        record.Status = ConsultationStatus.Concluded;
        record.Minutes = minutes.Trim();
        record.Resolution = resolution.Trim();
        record.ConcludedBy = actor;
        record.ConcludedAt = now;
        record.ResolutionsPending = record.CaseIds.ToList();
        OweListsAndInboxes(record);
        return null;
    }

    /// <summary>
    /// What the resolution did to a case, from the case's answer and the case after it. A case whose last
    /// resolution names this consultation counts as resolved by it, so a retried delivery reports the same.
    /// </summary>
    public static LinkedCaseResult Classify(string caseId, string consultationId, CaseCommandResult answer, CaseSnapshot? after)
    {
        if (answer.Outcome == CommandOutcome.Ok)
        {
            return new LinkedCaseResult(caseId, LinkedCaseOutcome.Resolved, null);
        }

        if (after is null)
        {
            return new LinkedCaseResult(caseId, LinkedCaseOutcome.NotFound, answer.Refusal?.Detail);
        }

        if (after.Timeline.LastOrDefault(e => e.Type == CaseEventType.Resolved) is { } resolved && resolved.Reference == consultationId)
        {
            return new LinkedCaseResult(caseId, LinkedCaseOutcome.Resolved, null);
        }

        return after.Status switch
        {
            CaseStatus.Closed => new LinkedCaseResult(caseId, LinkedCaseOutcome.AlreadyClosed, answer.Refusal?.Detail),
            CaseStatus.Resolved => new LinkedCaseResult(caseId, LinkedCaseOutcome.AlreadyResolved, answer.Refusal?.Detail),
            _ => new LinkedCaseResult(caseId, LinkedCaseOutcome.Refused, answer.Refusal?.Detail),
        };
    }

    private static string LevelName(CaseLevel level) => level == CaseLevel.Leader ? "the county leader" : "a county department";

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string hint, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"Required: {hint}."];
        }
        else if (value.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }
    }
}
