using System.Collections.Concurrent;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// The community descriptions submissions are checked against, kept per gateway (docs/architecture.md,
/// decisions 30 and 36). A known description older than <see cref="Lifetime"/> still answers at once while one
/// background refresh per community asks the cluster again; a refresh that fails or hangs keeps the last known
/// value, so intake for a known community never waits on a silo. Only a community never seen needs the cluster
/// on the request path, or, when it does not answer, the description the community stored for the gateways
/// (<see cref="CommunityDescriptionSource"/>); unknown ones are not kept, so one seeded a moment ago is found at once and made-up ids
/// cannot fill the memory.
/// </summary>
public sealed class CommunityInfoCache(Func<string, Task<CommunityInfo?>> load, TimeProvider time, ILogger<CommunityInfoCache> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>How long a refresh may take before the last known value is kept and the refresh given up.</summary>
    public static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(10);

    /// <summary>After a failed refresh, the next one waits this long, so a dead silo is not asked on every request.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<CommunityInfo?>> _misses = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public CommunityInfoCache(CommunityDescriptionSource source, TimeProvider time, ILogger<CommunityInfoCache> logger)
        : this(source.LoadAsync, time, logger)
    {
    }

    /// <summary>The community's description, or null when nobody configured it.</summary>
    public Task<CommunityInfo?> GetAsync(string communityId)
    {
        if (_known.TryGetValue(communityId, out var entry))
        {
            if (entry.Expires <= time.GetUtcNow())
            {
                entry.StartRefresh(() => RefreshAsync(communityId, entry));
            }

            return entry.Answer;
        }

        // Concurrent misses share one load; a miss is not kept once it is answered.
        lock (_lock)
        {
            if (!_misses.TryGetValue(communityId, out var loading))
            {
                _misses[communityId] = loading = LoadFirstAsync(communityId);
            }

            return loading;
        }
    }

    /// <summary>Drops what this gateway knows of a community (an admin changed it here), so the next request asks the cluster.</summary>
    public void Forget(string communityId) => _known.TryRemove(communityId, out _);

    /// <summary>Completes when the refresh of the community in flight, if any, has ended (for tests and diagnostics).</summary>
    public Task RefreshedAsync(string communityId) =>
        _known.TryGetValue(communityId, out var entry) ? entry.Refreshing : Task.CompletedTask;

    private async Task<CommunityInfo?> LoadFirstAsync(string communityId)
    {
        await Task.Yield(); // return to the caller, which lists this load under the lock before the finally can run
        try
        {
            var info = await load(communityId);
            if (info is not null)
            {
                _known[communityId] = new Entry(info, time.GetUtcNow() + Lifetime);
            }

            return info;
        }
        finally
        {
            lock (_lock)
            {
                _misses.Remove(communityId);
            }
        }
    }

    private async Task RefreshAsync(string communityId, Entry entry)
    {
        try
        {
            var info = await load(communityId).WaitAsync(RefreshTimeout, time);
            if (info is null)
            {
                // The cluster answered that nobody configured it: that is an answer, not a failure.
                _known.TryRemove(KeyValuePair.Create(communityId, entry));
                return;
            }

            _known.TryUpdate(communityId, new Entry(info, time.GetUtcNow() + Lifetime), entry);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Refreshing community {CommunityId} failed; submissions are checked against the last known description", communityId);
            entry.Expires = time.GetUtcNow() + RetryAfterFailure;
        }
    }

    private sealed class Entry(CommunityInfo info, DateTimeOffset expires)
    {
        private Task? _refreshing;
        private long _expiresTicks = expires.UtcTicks;

        public Task<CommunityInfo?> Answer { get; } = Task.FromResult<CommunityInfo?>(info);

        public DateTimeOffset Expires
        {
            get => new(Interlocked.Read(ref _expiresTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _expiresTicks, value.UtcTicks);
        }

        public Task Refreshing => _refreshing is { IsCompleted: false } running ? running : Task.CompletedTask;

        // At most one refresh in flight per entry: the caller that wins the exchange starts it, on its own thread
        // up to the refresh's first await (a grain call returns at once).
        public void StartRefresh(Func<Task> refresh)
        {
            var current = _refreshing;
            if (current is { IsCompleted: false })
            {
                return;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _refreshing, done.Task, current) == current)
            {
                _ = RunAsync(refresh, done);
            }
        }

        private static async Task RunAsync(Func<Task> refresh, TaskCompletionSource done)
        {
            try
            {
                await refresh();
            }
            finally
            {
                done.TrySetResult();
            }
        }
    }
}
