using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Gongzhi.Silo.Telemetry;

/// <summary>
/// How many cases wait for a cadre in each community active in this silo, as each community's store counts them
/// (<see cref="Grains.CommunityStore"/>): read by the backlog gauge without a grain call. A community that moves to
/// another silo is reported there; summed over silos it is the county's backlog.
/// </summary>
public sealed class CommunityBacklog
{
    private readonly ConcurrentDictionary<string, Entry> _communities = new(StringComparer.Ordinal);

    /// <summary>The entry an activation keeps up to date; a newer activation of the same community replaces it.</summary>
    public Entry Track(string communityId) => _communities[communityId] = new Entry(communityId);

    /// <summary>The activation is gone; a newer one's entry stays.</summary>
    public void Forget(Entry entry) => _communities.TryRemove(new KeyValuePair<string, Entry>(entry.CommunityId, entry));

    /// <summary>The waiting count of one community in this silo, or null when it is not active here.</summary>
    public int? WaitingIn(string communityId) => _communities.TryGetValue(communityId, out var entry) ? entry.Waiting : null;

    internal IEnumerable<Measurement<int>> Measure() =>
        _communities.Values.Select(e => new Measurement<int>(e.Waiting, new KeyValuePair<string, object?>("community", e.CommunityId)));

    /// <summary>One community's count, written by its activation and read by the gauge.</summary>
    public sealed class Entry(string communityId)
    {
        private int _waiting;

        public string CommunityId { get; } = communityId;

        public int Waiting
        {
            get => Volatile.Read(ref _waiting);
            set => Volatile.Write(ref _waiting, value);
        }
    }
}
