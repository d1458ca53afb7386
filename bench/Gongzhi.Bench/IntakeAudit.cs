using System.Text.Json;
using Azure.Storage.Queues;

namespace Gongzhi.Bench;

/// <summary>
/// s5 (intake alone) runs with the silo's intake worker off, so every accepted submission stays in the queue.
/// After the load this reads the whole of both intake queues (gateways write `intake-v2`; `intake` is that of older
/// gateways): every case answered 202 must be in them exactly once
/// (the 202 was durable), and the messages holding this run's cases per case show the gateway's batching.
/// </summary>
public sealed record IntakeAudit(long Accepted, long Found, long Duplicated, long RunMessages, long Messages, long Submissions)
{
    public long Missing => Accepted - Found;

    /// <summary>The queues submissions wait in: the one gateways write, and that of older gateways (docs/architecture.md, D16-batched-inserts).</summary>
    public static readonly string[] IntakeQueues = ["intake-v2", "intake"];

    public static async Task<IntakeAudit> RunAsync(string connectionString, Driver driver, CancellationToken ct)
    {
        var accepted = driver.Cases.Where(c => c.Value.Answered != 0).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        long messages = 0, submissions = 0, runMessages = 0;
        foreach (var name in IntakeQueues)
        {
            var queue = new QueueServiceClient(connectionString).GetQueueClient(name);
            if (!(await queue.ExistsAsync(ct)).Value)
            {
                continue;
            }

            while (true)
            {
                // Hidden for longer than the audit takes, so no message is read twice.
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(30), ct)).Value;
                if (batch.Length == 0)
                {
                    break;
                }
                foreach (var message in batch)
                {
                    messages++;
                    var ofRun = false;
                    using var doc = JsonDocument.Parse(message.Body.ToMemory());
                    foreach (var s in doc.RootElement.GetProperty("submissions").EnumerateArray())
                    {
                        submissions++;
                        var id = s.GetProperty("caseId").GetString()!;
                        seen[id] = seen.GetValueOrDefault(id) + 1;
                        ofRun |= accepted.Contains(id);
                    }
                    runMessages += ofRun ? 1 : 0;
                }
            }
        }
        return new IntakeAudit(accepted.Count, accepted.Count(seen.ContainsKey), accepted.Count(id => seen.GetValueOrDefault(id) > 1), runMessages, messages, submissions);
    }

    public string Summary =>
        $"intake audit (worker off): of {Accepted} cases answered 202, {Found} are in the queue, missing {Missing}, more than once {Duplicated}; " +
        $"{RunMessages} queue messages hold them ({(Accepted == 0 ? 0 : RunMessages / (double)Accepted):F3} messages per case); queue total {Messages} messages, {Submissions} submissions (with warm-up)";

    public string Markdown => $"""

        ## Intake audit (s5: the silo's intake worker is off; the queue is read after the run)

        | figure | value |
        | --- | --- |
        | cases answered 202 | {Accepted} |
        | **of them in the intake queue** (must be all) | **{Found}** (missing {Missing}) |
        | of them in the queue more than once | {Duplicated} |
        | queue messages holding them | {RunMessages} ({(Accepted == 0 ? 0 : RunMessages / (double)Accepted):F3} per case) |
        | whole queue (with warm-up) | {Messages} messages, {Submissions} submissions |

        """;
}
