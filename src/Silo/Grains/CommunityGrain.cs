using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Realtime;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community: the roster with duty and load, the dispatch of accepted cases, the waiting list and the
/// open-case index behind the board. Tells cadres (down the chain) and waiting cases (one-way) what it decided.
/// </summary>
internal sealed class CommunityGrain(
    [PersistentState("community", StorageNames.Gongzhi)] IPersistentState<CommunityState> state,
    TimeProvider time,
    ILogger<CommunityGrain> logger) : Grain, ICommunityGrain
{
    private CommunityState State => state.State;

    private string CommunityId => this.GetPrimaryKeyString();

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
        logger.LogInformation("Community {CommunityId} configured with {CadreCount} cadres", CommunityId, State.Cadres.Count);
    }

    public Task<CommunityInfo?> GetInfoAsync() => Task.FromResult(State.Info);

    public Task<IReadOnlyList<RosterEntry>> GetRosterAsync() =>
        Task.FromResult<IReadOnlyList<RosterEntry>>(State.Cadres.Values.OrderBy(s => s.Profile.Id, StringComparer.Ordinal).Select(ToEntry).ToArray());

    public Task<IReadOnlyList<string>> GetOpenCasesAsync() => Task.FromResult<IReadOnlyList<string>>(State.OpenCases.ToArray());

    public async Task<DispatchDecision> DispatchAsync(string caseId, string category)
    {
        var info = State.Info ?? throw new InvalidOperationException($"Community {CommunityId} is not configured.");
        var mode = info.Categories.FirstOrDefault(c => c.Id == category)?.DefaultMode ?? HandlingMode.DoItNow;

        var holder = State.Cadres.Values.FirstOrDefault(s => s.Cases.ContainsKey(caseId));
        if (holder is not null)
        {
            return new DispatchDecision(mode, new Assignment(caseId, holder.Profile.Id, holder.Profile.Name, holder.Cases[caseId]));
        }

        if (State.Waiting.Any(w => w.CaseId == caseId))
        {
            return new DispatchDecision(mode, null);
        }

        if (!State.OpenCases.Contains(caseId))
        {
            State.OpenCases.Add(caseId);
        }

        var assignment = TryAssign(caseId, category);
        if (assignment is null)
        {
            State.Waiting.Add(new WaitingCase(caseId, category));
            logger.LogInformation("Case {CaseId} waits: nobody on duty in {CommunityId} takes {Category}", caseId, CommunityId, category);
        }

        await state.WriteStateAsync();
        if (assignment is not null)
        {
            await GrainFactory.GetGrain<ICadreGrain>(assignment.CadreId).AddAssignmentAsync(caseId);
            await PublishRosterAsync(assignment.CadreId);
        }

        return new DispatchDecision(mode, assignment);
    }

    public async Task CaseResolvedAsync(string caseId, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot) || !slot.Cases.Remove(caseId))
        {
            return;
        }

        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICadreGrain>(cadreId).RemoveAssignmentAsync(caseId);
        await PublishRosterAsync(cadreId);
    }

    public async Task CaseClosedAsync(string caseId)
    {
        if (State.OpenCases.Remove(caseId))
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

        slot.OnDuty = onDuty;
        var assigned = onDuty ? DrainWaiting() : [];
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICadreGrain>(cadreId).SetDutyAsync(onDuty);
        await PublishRosterAsync(cadreId);
        await AnnounceAsync(assigned);
        return ToEntry(slot);
    }

    private Assignment? TryAssign(string caseId, string category)
    {
        var candidates = State.Cadres.Values.Select(s =>
            new DispatchCandidate(s.Profile.Id, s.Profile.Categories.ToArray(), s.OnDuty, s.Cases.Count, s.LastAssignedAt));
        var chosen = DispatchPolicy.Choose(candidates, category);
        if (chosen is null)
        {
            return null;
        }

        var slot = State.Cadres[chosen.Id];
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
            if (TryAssign(waiting.CaseId, waiting.Category) is { } assignment)
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
        GrainFactory.GetGrain<IDispatchRegistryGrain>(0).PublishRosterAsync(ToEntry(State.Cadres[cadreId]));

    private RosterEntry ToEntry(CadreSlot slot) =>
        new(CommunityId, slot.Profile.Id, slot.Profile.Name, slot.Profile.Categories, slot.OnDuty, slot.Cases.Count);
}
