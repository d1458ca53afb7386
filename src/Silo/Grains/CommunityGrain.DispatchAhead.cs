using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A new case's dispatch answered before its write is stored, so the case's row and the community's go to storage
/// together instead of one after the other; the case pushes once its own row is stored, and its submission answers only
/// once the community confirms (D16-dispatch-ahead).
/// </summary>
internal sealed partial class CommunityGrain
{
    // Past this many, the writes already stored are forgotten (cases that never confirmed: their own write failed).
    private const int MaxDispatchWrites = 1024;

    // The write carrying each case dispatched ahead, until the case confirms it. A failed one makes the activation go
    // (the store's rule): the next activation reads what storage holds.
    private readonly Dictionary<string, Task> _dispatchWrites = new(StringComparer.Ordinal);

    public Task<DispatchDecision> DispatchAheadAsync(CaseSubmission submission, IReadOnlyList<string> passedOver)
    {
        // All in this turn, as DispatchAsync: the answer is what the write on its way stores.
        var turn = DispatchInTurn(submission, null, passedOver);
        var stored = _store.SaveAsync();
        if (_dispatchWrites.Count >= MaxDispatchWrites)
        {
            foreach (var done in _dispatchWrites.Where(w => w.Value.IsCompletedSuccessfully).Select(w => w.Key).ToList())
            {
                _dispatchWrites.Remove(done);
            }
        }

        _dispatchWrites[submission.CaseId] = stored;
        _ = TellWhenStoredAsync(stored, turn);
        return Task.FromResult(turn.Answer);
    }

    public async Task ConfirmDispatchAsync(string caseId, string? cadreId)
    {
        if (_dispatchWrites.TryGetValue(caseId, out var stored))
        {
            await stored;
            _dispatchWrites.Remove(caseId);
        }
        else
        {
            // A new activation (what it holds was read from storage), or one that forgot the write: what it holds now is
            // stored once the changes on their way are.
            await _store.SaveAsync();
        }

        if (_store.Find(caseId) is not { } held || held.AssigneeId != cadreId)
        {
            throw new InvalidOperationException($"Community {CommunityId} does not hold case {caseId} as dispatched (to {cadreId ?? "nobody"}).");
        }
    }

    public async Task RestoreDispatchAsync(CaseSubmission submission, string? cadreId, IReadOnlyList<string> passedOver)
    {
        string? given = null;
        if (_store.Find(submission.CaseId) is null)
        {
            var entry = EntryOf(submission);
            Watch(entry, CategoryOf(submission));
            _store.Put(new OpenCase(entry, null, null, passedOver.ToArray()));
            if (cadreId is not null && State.Cadres.TryGetValue(cadreId, out var holder))
            {
                given = Give(holder, submission.CaseId).CadreId;
            }

            logger.LogWarning("Case {CaseId} in {CommunityId}: put back as its row holds it (held by {CadreId}); its dispatch was never stored", submission.CaseId, CommunityId, cadreId);
        }

        await _store.SaveAsync();
        if (given is not null)
        {
            await PublishRosterAsync(given);
        }
    }

    private async Task TellWhenStoredAsync(Task stored, DispatchTurn turn)
    {
        try
        {
            await stored;
        }
        catch (Exception)
        {
            // The write's failure makes the activation go (the store's rule); the case's confirmation fails with it.
            return;
        }

        await TellStoredAsync(turn);
    }
}
