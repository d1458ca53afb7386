using Gongzhi.Administration;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>One day's audit log. An entry is in memory only once its row is stored (decision 38).</summary>
internal sealed class AuditLogGrain(GrainStates states) : Grain, IAuditLogGrain
{
    private readonly StoredState<AuditLogState> _state = states.For<AuditLogState>("audit");

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadAsync();

    public async Task AppendAsync(AuditEntry entry)
    {
        if (_state.State.Entries.Any(e => e.Id == entry.Id))
        {
            return;
        }

        _state.State.Entries.Add(entry);
        await _state.WriteAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync() => Task.FromResult<IReadOnlyList<AuditEntry>>(_state.State.Entries.ToArray());
}

/// <summary>The persisted state of one day's audit log.</summary>
public sealed class AuditLogState
{
    public List<AuditEntry> Entries { get; set; } = [];
}
