using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongzhi.Storage;

/// <summary>
/// Counts this process's requests to Azure Storage by service, table/queue/container and HTTP method,
/// for the load bench's "storage work per case". Attached to every storage client the process makes when the totals are
/// logged (<see cref="AddIfLogged"/>).
/// A request for one table row also names the row's state (its row key up to <c>|</c>, as grain storage
/// keys rows), so the bench can tell which grains' writes a case costs.
/// A table transaction is one request; the rows it carries are counted too, keyed <c>rows:table/state:insert</c> or
/// <c>:replace</c>, when its sender names them (<see cref="TransactionRows"/>), since the emulator's work follows rows.
/// Bytes as well, since a large row costs the emulator more than a small one: each request's body under <c>bytes:</c>
/// and its key, and each transaction row's state under <c>rowbytes:</c> and its name.
/// (One file, compiled into both the silo and the gateway.)
/// </summary>
public sealed class StorageRequestCounter
{
    /// <summary>The request property naming a transaction's rows (<c>table/state:insert</c>, <c>table/state:replace</c>).</summary>
    public const string TransactionRowsProperty = "Gongzhi.TransactionRows";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>
    /// Names the rows of the transaction sent within the returned scope (<see cref="HttpPipeline.CreateHttpMessagePropertiesScope"/>),
    /// each with its state's bytes as the body carries them; <paramref name="rows"/> runs only when a counter is attached.
    /// </summary>
    public static IDisposable TransactionRows(Func<IReadOnlyList<(string Row, int Bytes)>> rows) =>
        HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [TransactionRowsProperty] = rows });

    /// <summary>
    /// A counter, with its log, when <c>Storage:RequestLogPeriod</c> asks for the totals (the load bench does); otherwise
    /// none, and no storage client pays for counting what nobody reads.
    /// </summary>
    public static StorageRequestCounter? AddIfLogged(IServiceCollection services, IConfiguration configuration)
    {
        if (StorageRequestLog.Period(configuration) is null)
        {
            return null;
        }

        var counter = new StorageRequestCounter();
        services.AddSingleton(counter);
        services.AddHostedService<StorageRequestLog>();
        return counter;
    }

    /// <summary>The policy to add to one service's client options.</summary>
    public HttpPipelinePolicy For(string service) => new CountingPolicy(this, service);

    /// <summary>Client options that count each of <paramref name="service"/>'s requests when there is a counter, unchanged when not.</summary>
    public static T Counted<T>(T options, StorageRequestCounter? counter, string service)
        where T : ClientOptions
    {
        if (counter is not null)
        {
            options.AddPolicy(counter.For(service), HttpPipelinePosition.PerCall);
        }

        return options;
    }

    /// <summary>
    /// Totals so far, keyed <c>service:name:METHOD</c>, or <c>table:name/state:METHOD</c> for a request for one grain-state
    /// row, and <c>rows:table/state:insert|replace</c> for the rows of transactions; the same keys after <c>bytes:</c> (a
    /// request's body) and <c>rowbytes:</c> (a transaction row's state in it) count bytes.
    /// </summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    private void Count(string service, HttpMessage message)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite and other emulators put the account in the path; Azure puts it in the host name.
        var pathStyle = uri.IsLoopback || IPAddress.TryParse(uri.Host, out _);
        var name = segments.Length > (pathStyle ? 1 : 0) ? segments[pathStyle ? 1 : 0] : "";
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren >= 0 ? name[..paren] + StateOf(Uri.UnescapeDataString(name[paren..])) : name;
        var key = $"{service}:{name}:{request.Method.Method}";
        Add(key, 1);
        if (request.Content is { } content && content.TryComputeLength(out var length))
        {
            Add("bytes:" + key, length);
        }

        if (message.TryGetProperty(TransactionRowsProperty, out var rows) && rows is Func<IReadOnlyList<(string Row, int Bytes)>> named)
        {
            foreach (var (row, bytes) in named())
            {
                Add("rows:" + row, 1);
                Add("rowbytes:" + row, bytes);
            }
        }
    }

    private void Add(string key, long n) => _counts.AddOrUpdate(key, static (_, n) => n, static (_, total, n) => total + n, n);

    // "(PartitionKey='p',RowKey='state|id')" names state "state"; a row key of another shape names nothing.
    private static string StateOf(string keys)
    {
        const string RowKey = "RowKey='";
        var at = keys.IndexOf(RowKey, StringComparison.Ordinal);
        var bar = at < 0 ? -1 : keys.IndexOf('|', at);
        return bar < 0 ? "" : "/" + keys[(at + RowKey.Length)..bar];
    }

    private sealed class CountingPolicy(StorageRequestCounter owner, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => owner.Count(service, message);
    }
}

/// <summary>
/// Logs <see cref="StorageRequestCounter"/>'s totals every <c>Storage:RequestLogPeriod</c> when they
/// changed, and once more on shutdown; off unless that setting is given (the load bench gives it).
/// </summary>
public sealed class StorageRequestLog(StorageRequestCounter counter, IConfiguration configuration, ILogger<StorageRequestLog> logger) : BackgroundService
{
    public const string LinePrefix = "Storage requests so far: ";

    private string _last = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Period(configuration) is not { } period)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(period);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Write();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Write();
        }
    }

    /// <summary>How often to log the totals; none unless <c>Storage:RequestLogPeriod</c> is set above zero.</summary>
    public static TimeSpan? Period(IConfiguration configuration) =>
        configuration.GetValue<TimeSpan?>("Storage:RequestLogPeriod") is { } period && period > TimeSpan.Zero ? period : null;

    private void Write()
    {
        var line = JsonSerializer.Serialize(counter.Snapshot());
        if (line != _last)
        {
            _last = line;
            logger.LogInformation(LinePrefix + "{Counts}", line);
        }
    }
}
