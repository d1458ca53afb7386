using System.Text;
using System.Text.Json;

namespace Gongzhi.Bench;

/// <summary>
/// Storage requests the silo and the gateway made during the measured load, per accepted case. Both log
/// their running totals every second (<c>Storage:RequestLogPeriod</c>, keyed <c>service:name:METHOD</c>);
/// the bench reads the latest line before the load and again after the drain.
/// </summary>
public sealed class StorageWork
{
    private const string Prefix = "Storage requests so far: ";

    public required IReadOnlyDictionary<string, long> Requests { get; init; }

    public required long Cases { get; init; }

    public long TableWrites => Sum("table:", write: true);

    public long TableReads => Sum("table:", write: false);

    /// <summary>Table rows written: each write request's row, or a transaction's rows (counted by the silo as <c>rows:</c>) in place of its request.</summary>
    public long TableRowsWritten => TableWrites - Requests.GetValueOrDefault("table:$batch:POST") + Sum("rows:", write: true);

    /// <summary>The bodies of the table writes (the silo and the gateway count each request's as <c>bytes:</c>).</summary>
    public long TableBytesWritten => Sum("bytes:table:", write: true);

    public long QueueRequests => Requests.Where(r => r.Key.StartsWith("queue:", StringComparison.Ordinal)).Sum(r => r.Value);

    public double PerCase(long n) => Cases == 0 ? 0 : (double)n / Cases;

    /// <summary>Totals so far of each process, from its log.</summary>
    public static Dictionary<string, long> Read(params string[] logs)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            if (!File.Exists(log))
            {
                continue;
            }

            string? last = null;
            using (var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            {
                while (reader.ReadLine() is { } line)
                {
                    var at = line.IndexOf(Prefix, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        last = line[(at + Prefix.Length)..];
                    }
                }
            }

            foreach (var (key, n) in last is null ? [] : JsonSerializer.Deserialize<Dictionary<string, long>>(last) ?? [])
            {
                totals[key] = totals.GetValueOrDefault(key) + n;
            }
        }

        return totals;
    }

    public static StorageWork Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, long cases) => new()
    {
        Requests = after.Select(a => (a.Key, N: a.Value - before.GetValueOrDefault(a.Key))).Where(a => a.N > 0)
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.N),
        Cases = cases,
    };

    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Requests from the silo and the gateway to Azurite during the load and drain, for {Cases} accepted cases: **{PerCase(TableWrites):F2} table writes per case** " +
            $"({TableWrites}), {PerCase(TableReads):F2} table reads per case, {PerCase(QueueRequests):F2} queue requests per case (send, receive, delete; {QueueRequests}). " +
            $"Those table writes carried **{PerCase(TableRowsWritten):F2} rows per case** ({TableRowsWritten}): a transaction is one request (`table:$batch:POST`) for " +
            $"its rows (`rows:table/state:insert` or `:replace`). Their bodies carried **{PerCase(TableBytesWritten) / 1024:F1} KB per case** (`bytes:`; " +
            "`rowbytes:` is the part a transaction's rows of each state took, base64). Includes the system's background work (membership, reminders' refresh) in that time.");
        sb.AppendLine();
        sb.AppendLine("| service:table or queue:method (`rows:`: rows in transactions; `bytes:`, `rowbytes:`: bytes) | requests, rows or bytes | per case |");
        sb.AppendLine("| --- | ---: | ---: |");
        foreach (var (key, n) in Requests)
        {
            sb.AppendLine($"| `{key}` | {n} | {PerCase(n):F3} |");
        }

        return sb.ToString();
    }

    private long Sum(string service, bool write) =>
        Requests.Where(r => r.Key.StartsWith(service, StringComparison.Ordinal) && IsWrite(r.Key) == write).Sum(r => r.Value);

    private static bool IsWrite(string key) => !key.EndsWith(":GET", StringComparison.Ordinal) && !key.EndsWith(":HEAD", StringComparison.Ordinal);
}
