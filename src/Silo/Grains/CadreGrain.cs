using Gongzhi.Cadres;
using Gongzhi.Communities;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>A cadre: duty state and the queue of cases assigned to them, as their community decided.</summary>
internal sealed class CadreGrain(
    [PersistentState("cadre", StorageNames.Gongzhi)] IPersistentState<CadreState> state) : Grain, ICadreGrain
{
    private CadreState State => state.State;

    public async Task ConfigureAsync(string communityId, CadreProfile profile)
    {
        if (State.CommunityId == communityId && State.Profile == profile)
        {
            return;
        }

        State.CommunityId = communityId;
        State.Profile = profile;
        await state.WriteStateAsync();
    }

    public Task<CadreView?> GetAsync() =>
        Task.FromResult(State.Profile is { } p && State.CommunityId is { } c
            ? new CadreView(p.Id, p.Name, c, p.Categories, State.OnDuty, State.Assignments.ToArray())
            : null);

    public async Task SetDutyAsync(bool onDuty)
    {
        if (State.OnDuty != onDuty)
        {
            State.OnDuty = onDuty;
            await state.WriteStateAsync();
        }
    }

    public async Task AddAssignmentAsync(string caseId)
    {
        if (!State.Assignments.Contains(caseId))
        {
            State.Assignments.Add(caseId);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAssignmentAsync(string caseId)
    {
        if (State.Assignments.Remove(caseId))
        {
            await state.WriteStateAsync();
        }
    }
}
