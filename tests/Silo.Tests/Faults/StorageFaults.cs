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

    /// <summary>Makes the next <paramref name="times"/> calls that <paramref name="match"/> accepts fail as <paramref name="fault"/> says.</summary>
    public void Inject(Func<StorageCall, bool> match, StorageFault fault, int times = 1)
    {
        lock (_lock)
        {
            _rules.Add(new Rule(match, fault, times));
        }
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

/// <summary>Grain storage that passes every call to the real one, except those a <see cref="StorageFaults"/> rule picks.</summary>
public sealed class FaultInjectingStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.Take(new StorageCall("read", stateName, grainId)) is not null ? Task.FromException(Unavailable()) : inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        switch (faults.Take(new StorageCall("write", stateName, grainId)))
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
