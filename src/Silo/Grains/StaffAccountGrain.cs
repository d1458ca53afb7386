using Gongzhi.Realtime;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Gongzhi.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One staff account and its sessions. Every change is made on a copy and kept only once stored (decision 38): a
/// failed write leaves the stored account as it was, and the activation reloads it.
/// </summary>
/// <remarks>Sessions expire on the liveness clock: they last as long as their tokens, in real time even while a test lets days pass.</remarks>
internal sealed class StaffAccountGrain(GrainStates states, [FromKeyedServices(Clocks.Liveness)] TimeProvider time) : Grain, IStaffAccountGrain
{
    /// <summary>Sessions kept per account; signing in once more ends the oldest.</summary>
    internal const int MaxSessions = 20;

    private readonly StoredState<StaffAccountState> _state = states.For<StaffAccountState>("staff");

    private StaffAccount? Account => _state.State.Account;

    /// <summary>Tells every gateway (one-way) to close the hub connections of sessions that ended.</summary>
    private IDispatchRegistryGrain Registry => GrainFactory.GetGrain<IDispatchRegistryGrain>(0);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadAsync();

    public Task<StaffAccount?> GetAsync() => Task.FromResult(Account);

    public async Task<AccountWriteOutcome> CreateAsync(StaffAccount account)
    {
        if (Account is not null)
        {
            return Account == account ? AccountWriteOutcome.Ok : AccountWriteOutcome.Exists;
        }

        // Listed first: a username listed whose account was never stored is skipped by the list, and a retry stores it.
        await GrainFactory.GetGrain<IStaffDirectoryGrain>(0).AddAsync(account.Username);
        await StoreAsync(account, []);
        return AccountWriteOutcome.Ok;
    }

    public async Task<AccountWriteOutcome> UpdateAsync(string expectedConcurrencyStamp, StaffAccount account)
    {
        if (Account is null)
        {
            return AccountWriteOutcome.NotFound;
        }

        if (Account == account)
        {
            // A retry of a change already stored: if it ended the sessions, the notice to the gateways may be what
            // failed (a crash or a timeout after the write), so it goes again. Harmless when it did arrive.
            if (_state.State.Sessions.Count == 0)
            {
                await Registry.PublishSessionsEndedAsync(account.Username, null);
            }

            return AccountWriteOutcome.Ok;
        }

        if (Account.ConcurrencyStamp != expectedConcurrencyStamp)
        {
            return AccountWriteOutcome.Stale;
        }

        var endsSessions = account.Disabled || account.SecurityStamp != Account.SecurityStamp;
        await StoreAsync(account, endsSessions ? [] : _state.State.Sessions);
        if (endsSessions)
        {
            await Registry.PublishSessionsEndedAsync(account.Username, null);
        }

        return AccountWriteOutcome.Ok;
    }

    public async Task<bool> OpenSessionAsync(string sessionId, DateTimeOffset expiresAt)
    {
        if (Account is not { Disabled: false })
        {
            return false;
        }

        var sessions = _state.State.Sessions.Where(s => s.Id != sessionId).Append(new StaffSession(sessionId, expiresAt))
            .TakeLast(MaxSessions);
        await StoreAsync(Account, sessions);
        return true;
    }

    public async Task<bool> RenewSessionAsync(string sessionId, string securityStamp, DateTimeOffset expiresAt)
    {
        if (!IsOpen(sessionId, securityStamp))
        {
            return false;
        }

        await StoreAsync(Account!, _state.State.Sessions.Select(s => s.Id == sessionId ? s with { ExpiresAt = expiresAt } : s));
        return true;
    }

    public async Task EndSessionAsync(string sessionId)
    {
        if (Account is null)
        {
            return;
        }

        if (_state.State.Sessions.Any(s => s.Id == sessionId))
        {
            await StoreAsync(Account, _state.State.Sessions.Where(s => s.Id != sessionId));
        }

        // Also when the session was already gone: a retried sign-out whose notice was lost after the write.
        await Registry.PublishSessionsEndedAsync(Account.Username, sessionId);
    }

    public Task<bool> IsSessionOpenAsync(string sessionId, string securityStamp) => Task.FromResult(IsOpen(sessionId, securityStamp));

    private bool IsOpen(string sessionId, string securityStamp) =>
        Account is { Disabled: false } account
        && account.SecurityStamp == securityStamp
        && _state.State.Sessions.Any(s => s.Id == sessionId && s.ExpiresAt > time.GetUtcNow());

    /// <summary>Stores the account with these sessions (the expired ones dropped); memory takes the new state only once it is stored.</summary>
    private async Task StoreAsync(StaffAccount account, IEnumerable<StaffSession> sessions)
    {
        var now = time.GetUtcNow();
        var previous = _state.State;
        _state.State = new StaffAccountState { Account = account, Sessions = sessions.Where(s => s.ExpiresAt > now).ToList() };
        try
        {
            await _state.WriteAsync();
        }
        catch
        {
            _state.State = previous;
            throw;
        }
    }
}
