using System.Collections.Frozen;
using System.Threading.RateLimiting;
using Gongzhi.Open311;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// Checks <c>api_key</c>s against the clients the admin issued (docs/architecture.md, "Issue 15 — Open311 keys"). The
/// gateway keeps the clients it last read for <see cref="Open311KeyOptions.CacheLifetime"/>, so a check is a lookup,
/// not a grain call, and a key revoked elsewhere is refused at most that long after; <see cref="Forget"/> makes a
/// change on this gateway count from the next request. The rate limit is System.Threading.RateLimiting's, one fixed
/// window of a minute per client and gateway: the key comes in the form body, so ASP.NET's rate-limiting middleware,
/// which partitions before the endpoint reads the body, cannot tell clients apart.
/// </summary>
public sealed class Open311ApiKeys(IGrainFactory grains, TimeProvider time, IOptions<Open311KeyOptions> options) : IOpen311ApiKeys, IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<Open311Client> _limiter = PartitionedRateLimiter.Create<Open311Client, (string, int)>(client =>
        RateLimitPartition.GetFixedWindowLimiter((client.Id, client.RequestsPerMinute), key =>
            new FixedWindowRateLimiterOptions { PermitLimit = key.Item2, Window = Window, QueueLimit = 0 }));

    private readonly Lock _lock = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _loading;
    private long _loadingGeneration = -1;
    private long _generation;

    public async ValueTask<ApiKeyCheck> CheckAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return new ApiKeyCheck(ApiKeyOutcome.Missing);
        }

        var clients = await CurrentAsync(cancellationToken);
        if (!clients.ByHash.TryGetValue(Open311KeyHashes.Hash(apiKey), out var client))
        {
            return new ApiKeyCheck(ApiKeyOutcome.Unknown);
        }

        if (client.RevokedAt is not null)
        {
            return new ApiKeyCheck(ApiKeyOutcome.Revoked);
        }

        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired
            ? new ApiKeyCheck(ApiKeyOutcome.Accepted, client.Id)
            : new ApiKeyCheck(ApiKeyOutcome.TooManyRequests, RetryAfter: lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window);
    }

    /// <summary>Drops the clients this gateway knows (the admin changed them here): the next check reads them afresh.</summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_snapshot is { } known && known.Generation == generation && known.Expires > time.GetUtcNow())
        {
            return known;
        }

        Task<Snapshot> loading;
        lock (_lock)
        {
            // Concurrent checks share one read of the clients; a read begun before a Forget is not shared after it.
            if (_loading is null || _loading.IsCompleted || _loadingGeneration != generation)
            {
                (_loading, _loadingGeneration) = (LoadAsync(generation), generation);
            }

            loading = _loading;
        }

        return await loading.WaitAsync(cancellationToken);
    }

    private async Task<Snapshot> LoadAsync(long generation)
    {
        var clients = await grains.GetGrain<IOpen311ClientsGrain>(0).ListAsync();
        var snapshot = new Snapshot(clients.ToFrozenDictionary(c => c.KeyHash, StringComparer.Ordinal), time.GetUtcNow() + options.Value.CacheLifetime, generation);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(FrozenDictionary<string, Open311Client> ByHash, DateTimeOffset Expires, long Generation);
}
