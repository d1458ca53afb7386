using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Realtime;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community: the roster with duty (by hand and by shift) and load, the dispatch of accepted cases, the
/// waiting list and the open-case index behind the board. Tells cadres (down the chain) and waiting
/// cases (one-way) what it decided.
/// </summary>
internal sealed class CommunityGrain(
    [PersistentState("community", StorageNames.Gongzhi)] IPersistentState<CommunityState> state,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    ILogger<CommunityGrain> logger) : Grain, ICommunityGrain, IRemindable
{
    private const string DutyReminder = "duty";

    private long _lastRosterVersion;

    private CommunityState State => state.State;

    private string CommunityId => this.GetPrimaryKeyString();

    private CommunityInfo Info => State.Info ?? throw new InvalidOperationException($"Community {CommunityId} is not configured.");

    public async Task ConfigureAsync(CommunityDefinition definition)
    {
        State.Info = definition.Info;
        foreach (var profile in definition.Cadres)
        {
            if (State.Cadres.TryGetValue(profile.Id, out var slot))
            {
                slot.Profile = profile;
            }
            else
            {
                State.Cadres[profile.Id] = new CadreSlot { Profile = profile, OnDuty = profile.OnDutyAtStart };
            }
        }

        var assigned = DrainWaiting();
        await state.WriteStateAsync();
        foreach (var slot in State.Cadres.Values)
        {
            var cadre = GrainFactory.GetGrain<ICadreGrain>(slot.Profile.Id);
            await cadre.ConfigureAsync(CommunityId, slot.Profile);
            await cadre.SetDutyAsync(slot.OnDuty);
        }

        await AnnounceAsync(assigned);
        await this.RegisterOrUpdateReminder(DutyReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Community {CommunityId} configured with {CadreCount} cadres", CommunityId, State.Cadres.Count);
    }

    public Task<CommunityInfo?> GetInfoAsync() => Task.FromResult(State.Info);

    public Task<IReadOnlyList<RosterEntry>> GetRosterAsync() =>
        Task.FromResult<IReadOnlyList<RosterEntry>>(State.Cadres.Values.OrderBy(s => s.Profile.Id, StringComparer.Ordinal).Select(ToEntry).ToArray());

    public Task<IReadOnlyList<string>> GetOpenCasesAsync() => Task.FromResult<IReadOnlyList<string>>(State.OpenCases.Select(c => c.CaseId).ToArray());

    public async Task<DispatchDecision> DispatchAsync(CaseSubmission submission, IReadOnlyList<string> passedOver)
    {
        var info = Info;
        var caseId = submission.CaseId;
        var category = info.Categories.FirstOrDefault(c => c.Id == submission.Category)
            ?? throw new InvalidOperationException($"Community {CommunityId} does not take category {submission.Category}.");
        var terms = SlaPolicy.TermsFor(info, category, submission.Kind);
        var entry = new OpenCaseEntry(caseId, submission.Category, submission.Location.Compound, submission.Location.Building, submission.SubmittedAt);
        var duplicates = DuplicateMatcher.Find(entry, State.OpenCases);

        var holder = State.Cadres.Values.FirstOrDefault(s => s.Cases.ContainsKey(caseId));
        if (holder is not null)
        {
            return new DispatchDecision(category.DefaultMode, new Assignment(caseId, holder.Profile.Id, holder.Profile.Name, holder.Cases[caseId]), terms, duplicates);
        }

        if (State.Waiting.Any(w => w.CaseId == caseId))
        {
            return new DispatchDecision(category.DefaultMode, null, terms, duplicates);
        }

        if (State.OpenCases.All(c => c.CaseId != caseId))
        {
            State.OpenCases.Add(entry);
        }

        var assignment = TryAssign(caseId, submission.Category, passedOver);
        if (assignment is null)
        {
            State.Waiting.Add(new WaitingCase(caseId, submission.Category, passedOver));
            logger.LogInformation("Case {CaseId} waits: nobody eligible on duty in {CommunityId} takes {Category}", caseId, CommunityId, submission.Category);
        }

        await state.WriteStateAsync();
        if (assignment is not null)
        {
            await GrainFactory.GetGrain<ICadreGrain>(assignment.CadreId).AddAssignmentAsync(caseId);
            await PublishRosterAsync(assignment.CadreId);
        }

        return new DispatchDecision(category.DefaultMode, assignment, terms, duplicates);
    }

    public async Task<ManualAssignment> AssignToAsync(string caseId, string category, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return new ManualAssignment(null, $"There is no cadre '{cadreId}' in {CommunityId}.");
        }

        var refusal = !slot.OnDuty ? $"{slot.Profile.Name} is off duty."
            : slot.IsFull ? $"{slot.Profile.Name} already carries {slot.Cases.Count} open cases, their maximum."
            : slot.Profile.IsVolunteer && !slot.Profile.Categories.Contains(category) ? $"{slot.Profile.Name} is a volunteer (双报到) and takes only {string.Join(", ", slot.Profile.Categories)}."
            : null;
        if (refusal is not null)
        {
            return new ManualAssignment(null, refusal);
        }

        State.Waiting.RemoveAll(w => w.CaseId == caseId);
        var assignment = Give(slot, caseId);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICadreGrain>(cadreId).AddAssignmentAsync(caseId);
        await PublishRosterAsync(cadreId);
        return new ManualAssignment(assignment, null);
    }

    public async Task ReleaseAsync(string caseId, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot) || !slot.Cases.Remove(caseId))
        {
            return;
        }

        // A freed cadre may take a waiting case at once.
        var assigned = DrainWaiting();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICadreGrain>(cadreId).RemoveAssignmentAsync(caseId);
        await PublishRosterAsync(cadreId);
        await AnnounceAsync(assigned);
    }

    public async Task CaseClosedAsync(string caseId)
    {
        var removed = State.OpenCases.RemoveAll(c => c.CaseId == caseId) + State.Waiting.RemoveAll(w => w.CaseId == caseId);
        if (removed > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<RosterEntry?> SetDutyAsync(string cadreId, bool onDuty)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return null;
        }

        await ChangeDutyAsync([(slot, onDuty)]);
        return ToEntry(slot);
    }

    public async Task ApplyShiftsAsync()
    {
        if (State.Info is not { } info)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(info.TimeZone);
        var now = time.GetUtcNow();
        var changes = new List<(CadreSlot Slot, bool OnDuty)>();
        foreach (var slot in State.Cadres.Values.Where(s => s.Profile.Shifts.Count > 0))
        {
            var onShift = DutySchedule.IsOnShift(slot.Profile.Shifts, now, zone);
            // Only a shift's start or end changes duty, so a cadre's own switch holds until then.
            if (slot.OnShift is { } was && was != onShift && slot.OnDuty != onShift)
            {
                changes.Add((slot, onShift));
            }

            slot.OnShift = onShift;
        }

        await ChangeDutyAsync(changes);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DutyReminder ? ApplyShiftsAsync() : Task.CompletedTask;

    private async Task ChangeDutyAsync(IReadOnlyList<(CadreSlot Slot, bool OnDuty)> changes)
    {
        foreach (var (slot, onDuty) in changes)
        {
            slot.OnDuty = onDuty;
        }

        var assigned = changes.Any(c => c.OnDuty) ? DrainWaiting() : [];
        await state.WriteStateAsync();
        foreach (var (slot, onDuty) in changes)
        {
            await GrainFactory.GetGrain<ICadreGrain>(slot.Profile.Id).SetDutyAsync(onDuty);
            await PublishRosterAsync(slot.Profile.Id);
            logger.LogInformation("Cadre {CadreId} is now {Duty}", slot.Profile.Id, onDuty ? "on duty" : "off duty");
        }

        await AnnounceAsync(assigned);
    }

    private Assignment? TryAssign(string caseId, string category, IReadOnlyCollection<string> passedOver)
    {
        var candidates = State.Cadres.Values
            .Where(s => !s.IsFull && !passedOver.Contains(s.Profile.Id))
            .Select(s => new DispatchCandidate(s.Profile.Id, s.Profile.Categories.ToArray(), s.OnDuty, s.Cases.Count, s.LastAssignedAt));
        return DispatchPolicy.Choose(candidates, category) is { } chosen ? Give(State.Cadres[chosen.Id], caseId) : null;
    }

    private Assignment Give(CadreSlot slot, string caseId)
    {
        var now = time.GetUtcNow();
        slot.Cases[caseId] = now;
        slot.LastAssignedAt = now;
        return new Assignment(caseId, slot.Profile.Id, slot.Profile.Name, now);
    }

    // Waiting cases are offered in the order they arrived.
    private List<Assignment> DrainWaiting()
    {
        var assigned = new List<Assignment>();
        foreach (var waiting in State.Waiting.ToArray())
        {
            if (TryAssign(waiting.CaseId, waiting.Category, waiting.PassedOver) is { } assignment)
            {
                State.Waiting.Remove(waiting);
                assigned.Add(assignment);
            }
        }

        return assigned;
    }

    private async Task AnnounceAsync(List<Assignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            await GrainFactory.GetGrain<ICadreGrain>(assignment.CadreId).AddAssignmentAsync(assignment.CaseId);
            await GrainFactory.GetGrain<ICaseGrain>(assignment.CaseId).OnAssignedAsync(assignment);
            await PublishRosterAsync(assignment.CadreId);
        }
    }

    private Task PublishRosterAsync(string cadreId) =>
        GrainFactory.GetGrain<IDispatchRegistryGrain>(0).PublishRosterAsync(ToEntry(State.Cadres[cadreId]) with { Version = NextRosterVersion() });

    // Strictly increasing within this activation, and from the clock, so a later activation starts above it.
    private long NextRosterVersion() => _lastRosterVersion = Math.Max(_lastRosterVersion + 1, time.GetUtcNow().UtcTicks);

    private RosterEntry ToEntry(CadreSlot slot) =>
        new(CommunityId, slot.Profile.Id, slot.Profile.Name, slot.Profile.Categories, slot.OnDuty, slot.Cases.Count);
}
