using System.Collections.Concurrent;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// The community descriptions submissions are checked against, kept per gateway for <see cref="Lifetime"/>
/// so that a POST needs no silo round trip (docs/architecture.md, decision 30). Unknown communities are
/// not kept: one seeded a moment ago is found at once, and made-up ids cannot fill the memory.
/// </summary>
public sealed class CommunityInfoCache(IClusterClient cluster, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The community's description, or null when nobody configured it.</summary>
    public Task<CommunityInfo?> GetAsync(string communityId)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(communityId, out var entry) && entry.Expires > now)
        {
            return entry.Info;
        }

        // Concurrent misses share one load.
        lock (_lock)
        {
            if (_entries.TryGetValue(communityId, out entry) && entry.Expires > now)
            {
                return entry.Info;
            }

            entry = new Entry(cluster.GetGrain<ICommunityGrain>(communityId).GetInfoAsync(), now + Lifetime);
            _entries[communityId] = entry;
        }

        _ = ForgetUnlessFoundAsync(communityId, entry);
        return entry.Info;
    }

    // Unknown communities and failed loads are not kept: the next request asks the grain again.
    private async Task ForgetUnlessFoundAsync(string communityId, Entry entry)
    {
        try
        {
            if (await entry.Info is not null)
            {
                return;
            }
        }
        catch (Exception)
        {
            // The request that awaited this load reports the failure.
        }

        _entries.TryRemove(KeyValuePair.Create(communityId, entry));
    }

    private sealed class Entry(Task<CommunityInfo?> info, DateTimeOffset expires)
    {
        public Task<CommunityInfo?> Info { get; } = info;

        public DateTimeOffset Expires { get; } = expires;
    }
}
