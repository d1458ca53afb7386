using Azure;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests.Faults;

/// <summary>How an injected storage fault shows itself.</summary>
public enum StorageFault
{
    /// <summary>Storage answers 503 and stores nothing.</summary>
    FailsBeforeStoring,

    /// <summary>The write is stored, but the caller sees a timeout (the answer was lost).</summary>
    TimesOutAfterStoring,
}

/// <summary>One call to grain storage, as a fault rule sees it.</summary>
public sealed record StorageCall(string Operation, string StateName, GrainId GrainId)
{
    public bool IsWrite => Operation == "write";

    /// <summary>The grain's key (or the synthetic key of a chunk row), e.g. a case id or "community/0".</summary>
    public string Key => GrainId.Key.ToString()!;
}

/// <summary>
/// The faults a test wants injected into grain storage: each rule matches calls and fires a number of times.
/// Shared by every silo of a test cluster; tests scope their rules to their own fresh keys.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];
    private readonly List<StorageCall> _calls = [];
    private readonly List<StorageHold> _holds = [];

    /// <summary>Makes the next <paramref name="times"/> calls that <paramref name="match"/> accepts fail as <paramref name="fault"/> says.</summary>
    public void Inject(Func<StorageCall, bool> match, StorageFault fault, int times = 1)
    {
        lock (_lock)
        {
            _rules.Add(new Rule(match, fault, times));
        }
    }

    /// <summary>Holds the next write that <paramref name="match"/> accepts before it reaches storage, until the test releases it.</summary>
    public StorageHold Hold(Func<StorageCall, bool> match)
    {
        var hold = new StorageHold(match);
        lock (_lock)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    /// <summary>How many faults fired so far.</summary>
    public int Fired { get; private set; }

    /// <summary>How many calls to storage so far <paramref name="match"/> accepts, faulted or not.</summary>
    public int Count(Func<StorageCall, bool> match)
    {
        lock (_lock)
        {
            return _calls.Count(match);
        }
    }

    // Completes when the call may go on: at once, or when the hold that took it is released.
    internal Task HeldUntil(StorageCall call)
    {
        StorageHold? hold;
        lock (_lock)
        {
            hold = _holds.FirstOrDefault(h => h.Match(call));
            if (hold is not null)
            {
                _holds.Remove(hold);
            }
        }

        return hold?.Take() ?? Task.CompletedTask;
    }

    internal StorageFault? Take(StorageCall call)
    {
        lock (_lock)
        {
            _calls.Add(call);
            var rule = _rules.FirstOrDefault(r => r.Left > 0 && r.Match(call));
            if (rule is null)
            {
                return null;
            }

            rule.Left--;
            Fired++;
            return rule.Fault;
        }
    }

    private sealed class Rule(Func<StorageCall, bool> match, StorageFault fault, int times)
    {
        public Func<StorageCall, bool> Match { get; } = match;

        public StorageFault Fault { get; } = fault;

        public int Left { get; set; } = times;
    }
}

/// <summary>One write held before storage: <see cref="Reached"/> when it comes, and it goes on once <see cref="Release"/> is called.</summary>
public sealed class StorageHold(Func<StorageCall, bool> match)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal Func<StorageCall, bool> Match { get; } = match;

    internal Task Take()
    {
        _reached.TrySetResult();
        return _released.Task;
    }
}

/// <summary>Grain storage that passes every call to the real one, except those a <see cref="StorageFaults"/> rule picks.</summary>
public sealed class FaultInjectingStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.Take(new StorageCall("read", stateName, grainId)) is not null ? Task.FromException(Unavailable()) : inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var call = new StorageCall("write", stateName, grainId);
        await faults.HeldUntil(call);
        switch (faults.Take(call))
        {
            case StorageFault.FailsBeforeStoring:
                throw Unavailable();
            case StorageFault.TimesOutAfterStoring:
                // The row is stored, but the caller never learns its new ETag.
                var etag = grainState.ETag;
                await inner.WriteStateAsync(stateName, grainId, grainState);
                grainState.ETag = etag;
                throw new TimeoutException("Injected: the write was stored but its answer was lost.");
            default:
                await inner.WriteStateAsync(stateName, grainId, grainState);
                break;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.Take(new StorageCall("clear", stateName, grainId)) is not null ? Task.FromException(Unavailable()) : inner.ClearStateAsync(stateName, grainId, grainState);

    private static RequestFailedException Unavailable() => new(503, "Injected: storage is unavailable.");
}
