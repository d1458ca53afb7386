using Gongzhi.Consultations;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>The 7+X consultations of one community, sub-district or county; writes only when the list changes.</summary>
internal sealed class ConsultationIndexGrain(GrainStates states) : Grain, IConsultationIndexGrain
{
    private readonly StoredState<ConsultationIndexState> _stored = states.For<ConsultationIndexState>("consultationIndex");

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _stored.ReadAsync();

    public async Task UpsertAsync(ConsultationSummary consultation)
    {
        if (ConsultationIndexRules.Upsert(_stored.State.Consultations, consultation))
        {
            await _stored.WriteAsync();
        }
    }

    public Task<IReadOnlyList<ConsultationSummary>> GetAsync() =>
        Task.FromResult<IReadOnlyList<ConsultationSummary>>(_stored.State.Consultations.ToArray());
}
