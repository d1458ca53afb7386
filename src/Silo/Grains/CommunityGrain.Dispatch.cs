using System.Globalization;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Intake;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>Who carries which case: dispatch (idempotent per case), a dispatcher's choice, releases, the waiting list and the news of a cadre found later.</summary>
internal sealed partial class CommunityGrain
{
    public Task<DispatchDecision> DispatchAsync(CaseSubmission submission, IReadOnlyList<string> passedOver) =>
        RedispatchAsync(submission, null, passedOver);

    public async Task<DispatchDecision> RedispatchAsync(CaseSubmission submission, string? releasedCadreId, IReadOnlyList<string> passedOver)
    {
        var turn = DispatchInTurn(submission, releasedCadreId, passedOver);
        await _store.SaveAsync();
        await TellStoredAsync(turn);
        await AnnounceAsync(turn.Assigned);
        return turn.Answer;
    }

    // All in one turn, before the one write: a crash anywhere leaves storage as it was, or as the answer says.
    private DispatchTurn DispatchInTurn(CaseSubmission submission, string? releasedCadreId, IReadOnlyList<string> passedOver)
    {
        var category = CategoryOf(submission);
        var heldBefore = _store.Find(submission.CaseId) is not null;
        var freed = releasedCadreId is not null && Free(submission.CaseId, releasedCadreId);
        var assigned = freed ? DrainWaiting() : [];
        var (decision, given) = Decide(submission, category, passedOver);
        return new DispatchTurn(heldBefore ? decision with { HeldBefore = true } : decision, freed ? releasedCadreId : null,
            given ? decision.Assignment!.CadreId : null, assigned);
    }

    // Once the turn's write is stored: the warnings its arrival raised (stored and pushed after it, without holding up
    // the answer, D16-surge-rows) and the loads it changed.
    private async Task TellStoredAsync(DispatchTurn turn)
    {
        _ = RaiseSurgeAlertsAsync();
        if (turn.FreedCadreId is { } freed)
        {
            await PublishRosterAsync(freed);
        }

        if (turn.GivenCadreId is { } given)
        {
            await PublishRosterAsync(given);
        }
    }

    private CategoryInfo CategoryOf(CaseSubmission submission) =>
        Info.Categories.FirstOrDefault(c => c.Id == submission.Category)
            ?? throw new SubmissionRefusedException($"Community {CommunityId} does not take category {submission.Category}.");

    // Idempotent per case: a case the community already gave to a cadre, or keeps waiting, gets the same answer.
    private (DispatchDecision Decision, bool Given) Decide(CaseSubmission submission, CategoryInfo category, IReadOnlyList<string> passedOver)
    {
        var caseId = submission.CaseId;
        var terms = SlaPolicy.TermsFor(Info, category, submission.Kind);
        var known = _store.Find(caseId);
        var entry = known?.Case ?? EntryOf(submission);
        var duplicates = DuplicateMatcher.Find(entry, _store.OpenEntriesAt(entry.Category, entry.Compound));

        if (known is { AssigneeId: { } holderId, AssignedAt: { } assignedAt } && State.Cadres.TryGetValue(holderId, out var holder) && holder.Open.Contains(caseId))
        {
            return (new DispatchDecision(category.DefaultMode, new Assignment(caseId, holderId, holder.Profile.Name, assignedAt), terms, duplicates), false);
        }

        if (known is { IsWaiting: true })
        {
            return (new DispatchDecision(category.DefaultMode, null, terms, duplicates), false);
        }

        if (known is null)
        {
            Watch(entry, category);
        }

        // Held (as waiting) before a cadre is sought, so the cadre who takes it is counted in its chunk (D16-fair-share).
        _store.Put(new OpenCase(entry, null, null, passedOver.ToArray()));
        var assignment = TryAssign(caseId, submission.Category, passedOver);
        if (assignment is null)
        {
            logger.LogInformation("Case {CaseId} waits: nobody eligible on duty in {CommunityId} takes {Category}", caseId, CommunityId, submission.Category);
        }

        return (new DispatchDecision(category.DefaultMode, assignment, terms, duplicates), assignment is not null);
    }

    private static OpenCaseEntry EntryOf(CaseSubmission submission) =>
        new(submission.CaseId, submission.Category, submission.Location.Compound, submission.Location.Building, submission.SubmittedAt);

    public async Task<ManualAssignment> AssignToAsync(string caseId, string category, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return new ManualAssignment(null, Refusal.Of(RefusalCodes.CadreNotInCommunity, $"There is no cadre '{cadreId}' in {CommunityId}.",
                ("cadreId", cadreId), ("communityId", CommunityId)));
        }

        (string Name, string Value)[] who = [("cadreId", cadreId), ("name", slot.Profile.Name)];
        var refusal = !slot.OnDuty ? Refusal.Of(RefusalCodes.CadreOffDuty, $"{slot.Profile.Name} is off duty.", who)
            : slot.IsFull ? Refusal.Of(RefusalCodes.CadreFull, $"{slot.Profile.Name} already carries {slot.Open.Count} open cases, their maximum.",
                [.. who, ("openCases", slot.Open.Count.ToString(CultureInfo.InvariantCulture))])
            : slot.Profile.IsVolunteer && !slot.Profile.Categories.Contains(category)
                ? Refusal.Of(RefusalCodes.VolunteerCategory, $"{slot.Profile.Name} is a volunteer (双报到) and takes only {string.Join(", ", slot.Profile.Categories)}.",
                    [.. who, ("category", category), ("categories", string.Join(",", slot.Profile.Categories))])
            : null;
        if (refusal is not null)
        {
            return new ManualAssignment(null, refusal);
        }

        var assignment = Give(slot, caseId);
        await _store.SaveAsync();
        await PublishRosterAsync(cadreId);
        return new ManualAssignment(assignment, null);
    }

    public async Task ReleaseAsync(string caseId, string cadreId)
    {
        if (!Free(caseId, cadreId))
        {
            return;
        }

        // A freed cadre may take a waiting case at once.
        var assigned = DrainWaiting();
        await _store.SaveAsync();
        await PublishRosterAsync(cadreId);
        await AnnounceAsync(assigned);
    }

    // The case leaves the cadre's load and its entry; false when the cadre did not carry it (already freed).
    private bool Free(string caseId, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot) || !slot.Open.Remove(caseId))
        {
            return false;
        }

        if (_store.Find(caseId) is { } open && open.AssigneeId == cadreId)
        {
            _store.Put(open with { AssigneeId = null, AssignedAt = null });
        }

        return true;
    }

    public async Task SettleCaseAsync(string caseId, string? cadreId, bool open)
    {
        if (!open)
        {
            await CaseClosedAsync(caseId);
            return;
        }

        if (cadreId is null || _store.Find(caseId) is not { } entry || !State.Cadres.TryGetValue(cadreId, out var holder))
        {
            return;
        }

        var touched = State.Cadres.Values.Where(s => s != holder && s.Open.Remove(caseId)).Select(s => s.Profile.Id).ToList();
        if (holder.Open.Add(caseId))
        {
            touched.Add(cadreId);
        }

        if (entry.AssigneeId == cadreId && touched.Count == 0)
        {
            return;
        }

        logger.LogWarning("Case {CaseId} in {CommunityId}: bookkeeping settled to the stored case (held by {CadreId})", caseId, CommunityId, cadreId);
        _store.Put(entry with { AssigneeId = cadreId, AssignedAt = entry.AssignedAt ?? time.GetUtcNow(), WaitingPassedOver = null });
        await _store.SaveAsync();
        foreach (var id in touched)
        {
            await PublishRosterAsync(id);
        }
    }

    public async Task CaseClosedAsync(string caseId)
    {
        if (_store.Remove(caseId))
        {
            _deadlines.Set(caseId, null);
            foreach (var slot in State.Cadres.Values)
            {
                slot.Open.Remove(caseId);
            }

            await _store.SaveAsync();
        }
    }

    private Assignment? TryAssign(string caseId, string category, IReadOnlyCollection<string> passedOver)
    {
        var now = time.GetUtcNow();
        var zone = policy.NeedsShiftEnds || policy.KeepsTally ? TimeZoneInfo.FindSystemTimeZoneById(Info.TimeZone) : null;
        // Only a cadre who may take the case is worth the facts a policy adds (shift end, the week's tally): a dispatch
        // runs per case, over every cadre of the community.
        var candidates = new List<DispatchCandidate>(State.Cadres.Count);
        foreach (var slot in State.Cadres.Values)
        {
            if (slot.IsFull || passedOver.Contains(slot.Profile.Id))
            {
                continue;
            }

            var candidate = new DispatchCandidate(slot.Profile.Id, slot.Profile.Categories, slot.OnDuty, slot.Open.Count, slot.LastAssignedAt);
            if (DispatchPolicy.IsEligible(candidate, category))
            {
                candidates.Add(WithPolicyFacts(candidate, slot, now, zone));
            }
        }

        return policy.Choose(candidates, category, now) is { } chosen ? Give(State.Cadres[chosen.Id], caseId) : null;
    }

    // What the policy reads beyond load and idleness, in one copy of the candidate: when the shift ends, and the week's
    // cases given and hours on shift for a policy that keeps the tally (D16-fair-share).
    private DispatchCandidate WithPolicyFacts(DispatchCandidate candidate, CadreSlot slot, DateTimeOffset now, TimeZoneInfo? zone)
    {
        var tally = policy.KeepsTally && zone is not null && candidate.OnDuty;
        return !policy.NeedsShiftEnds && !tally
            ? candidate
            : candidate with
            {
                ShiftEndsAt = policy.NeedsShiftEnds ? ShiftEnd(slot, now, zone) : null,
                RecentlyGiven = tally ? _store.GivenWithin(slot.Profile.Id, now) : 0,
                RecentHours = tally ? slot.OnShiftBetween(AssignmentTally.WindowStart(now), now, zone!).TotalHours : 0,
            };
    }

    // When the cadre's shift ends, for a policy that asks; null when off shift (on duty by hand) or not asked.
    private static DateTimeOffset? ShiftEnd(CadreSlot slot, DateTimeOffset now, TimeZoneInfo? zone) =>
        zone is not null && slot.OnDuty && DutySchedule.IsOnShift(slot.Profile.Shifts, now, zone) ? DutySchedule.NextChange(slot.Profile.Shifts, now, zone) : null;

    // The cadre takes the case: their load, and the case's entry (if the community knows the case).
    private Assignment Give(CadreSlot slot, string caseId)
    {
        var now = time.GetUtcNow();
        slot.Open.Add(caseId);
        slot.LastAssignedAt = now;
        if (_store.Find(caseId) is { } open)
        {
            _store.Put(open with { AssigneeId = slot.Profile.Id, AssignedAt = now, WaitingPassedOver = null });
        }

        if (policy.KeepsTally)
        {
            // In the tally of the case's chunk, stored with the case in the same row: no write more, nothing to recount.
            _store.CountGiven(caseId, slot.Profile.Id, now);
        }

        return new Assignment(caseId, slot.Profile.Id, slot.Profile.Name, now);
    }

    // Waiting cases are offered in the order they arrived.
    private List<Assignment> DrainWaiting()
    {
        var assigned = new List<Assignment>();
        foreach (var waiting in _store.Waiting.ToArray())
        {
            if (TryAssign(waiting.CaseId, waiting.Case.Category, waiting.WaitingPassedOver!) is { } assignment)
            {
                assigned.Add(assignment);
            }
        }

        return assigned;
    }

    private async Task AnnounceAsync(List<Assignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            await _news.TellAsync(assignment);
            await PublishRosterAsync(assignment.CadreId);
        }
    }

    public Task AssignmentHeardAsync(string caseId)
    {
        _news.Heard(caseId);
        return Task.CompletedTask;
    }

    /// <summary>What one dispatch turn decided: the answer, the cadre it freed and the one it gave the case to, and the waiting cases the freed cadre took.</summary>
    private sealed record DispatchTurn(DispatchDecision Answer, string? FreedCadreId, string? GivenCadreId, List<Assignment> Assigned);
}
