using Gongzhi.Open311;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// The Open311 clients and the hashes of their keys. A change is stored with its audit entry in one write, then the
/// entry delivered to the audit log; every call delivers what a call cut short after its write left in the outbox.
/// </summary>
internal sealed class Open311ClientsGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time) : Grain, IOpen311ClientsGrain
{
    private readonly StoredState<Open311ClientsState> _state = states.For<Open311ClientsState>("open311-clients");

    private Open311ClientsState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadAsync();

    public async Task<Open311ClientIssue> IssueAsync(Open311ClientRequest request, string keyHash, string actor)
    {
        var index = State.Clients.FindIndex(c => c.RequestId == request.RequestId);
        if (index < 0)
        {
            var client = new Open311Client($"client-{State.LastNumber + 1}", request.Name, request.Contact, request.RequestsPerMinute, time.GetUtcNow(), null, keyHash);
            State.LastNumber++;
            State.Clients.Add(new Open311ClientEntry(request.RequestId, client));
            await RecordAsync(actor, "open311-client-issue", client.Id, $"{client.Name}; contact {client.Contact ?? "-"}; {client.RequestsPerMinute} requests per minute");
        }
        else if (State.Clients[index].Client is { RevokedAt: not null } revoked)
        {
            return new Open311ClientIssue(null, Refusal.Of(RefusalCodes.ApiClientRevoked,
                $"Client '{revoked.Id}' was issued for this request and revoked since; issue a new one.", ("clientId", revoked.Id)));
        }
        else if (State.Clients[index].Client.KeyHash != keyHash)
        {
            // The answer that carried the first key may never have arrived: the retry's key replaces it.
            var client = State.Clients[index].Client with { KeyHash = keyHash };
            State.Clients[index] = State.Clients[index] with { Client = client };
            await RecordAsync(actor, "open311-client-reissue", client.Id, "The issue request came again: a new key replaces the one issued before.");
        }

        await DeliverAsync();
        return new Open311ClientIssue(State.Clients.First(c => c.RequestId == request.RequestId).Client, null);
    }

    public async Task<Open311Client?> RevokeAsync(string clientId, string actor)
    {
        var index = State.Clients.FindIndex(c => c.Client.Id == clientId);
        if (index < 0)
        {
            return null;
        }

        if (State.Clients[index].Client.RevokedAt is null)
        {
            var client = State.Clients[index].Client with { RevokedAt = time.GetUtcNow() };
            State.Clients[index] = State.Clients[index] with { Client = client };
            await RecordAsync(actor, "open311-client-revoke", client.Id, client.Name);
        }

        await DeliverAsync();
        return State.Clients[index].Client;
    }

    public async Task<IReadOnlyList<Open311Client>> ListAsync()
    {
        await DeliverAsync();
        return State.Clients.Select(c => c.Client).ToArray();
    }

    // The change and its audit entry in one write: the log can neither miss a stored change nor claim one not stored.
    private async Task RecordAsync(string actor, string action, string target, string detail)
    {
        (State.Administration ??= new AdminChanges()).Record("open311-clients", time.GetUtcNow(), actor, action, target, detail);
        await _state.WriteAsync();
    }

    private Task DeliverAsync() => State.Administration is { Outbox.Count: > 0 } administration ? administration.DeliverAsync(GrainFactory) : Task.CompletedTask;
}
