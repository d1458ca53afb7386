using Azure;
using Azure.Data.Tables;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// New rows of one table, inserted in transactions of up to <see cref="MaxRows"/> rows of a partition by group commit:
/// rows that come while a partition's transaction is on its way wait and go together in the next one, so a surge costs
/// a few requests however many rows it brings. A transaction is stored whole or not at all; when one of its rows is
/// there already, that row's caller gets the conflict (status 409) and the others are sent again without it.
/// </summary>
internal sealed class BatchedInserts(TableClient table)
{
    /// <summary>An Azure table transaction holds at most 100 operations and 4 MiB.</summary>
    public const int MaxRows = 100;

    // Below the 4 MiB a transaction holds: binary properties go as base64 (4 bytes for 3), each row with its keys and headers.
    private const int MaxBytes = 3 * 1024 * 1024;
    private const int RowOverhead = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Completes with the new row's ETag once it is stored; fails with status 409 when a row is there already, or with
    /// the transaction's error (the row may then have been stored after all, as any write whose answer was lost).
    /// </summary>
    /// <param name="dataBytes">The size of the row's binary data.</param>
    public Task<string?> InsertAsync(TableEntity entity, int dataBytes)
    {
        var pending = new Pending(entity, (dataBytes / 3 * 4) + RowOverhead);
        Partition partition;
        bool start;
        lock (_lock)
        {
            if (!_partitions.TryGetValue(entity.PartitionKey, out partition!))
            {
                _partitions[entity.PartitionKey] = partition = new Partition();
            }

            partition.Waiting.Enqueue(pending);
            start = !partition.Sending;
            partition.Sending = true;
        }

        if (start)
        {
            _ = Task.Run(() => SendAsync(partition));
        }

        return pending.Done.Task;
    }

    private async Task SendAsync(Partition partition)
    {
        while (true)
        {
            var batch = new List<Pending>();
            lock (_lock)
            {
                var bytes = 0;
                while (partition.Waiting.TryPeek(out var next) && batch.Count < MaxRows && (batch.Count == 0 || bytes + next.Bytes <= MaxBytes))
                {
                    batch.Add(partition.Waiting.Dequeue());
                    bytes += next.Bytes;
                }

                if (batch.Count == 0)
                {
                    partition.Sending = false;
                    return;
                }
            }

            await SendBatchAsync(batch);
        }
    }

    private async Task SendBatchAsync(List<Pending> batch)
    {
        while (batch.Count > 0)
        {
            try
            {
                if (batch.Count == 1)
                {
                    var response = await table.AddEntityAsync(batch[0].Entity);
                    batch[0].Done.TrySetResult(response.Headers.ETag?.ToString());
                    return;
                }

                var responses = await table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p.Entity)));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(responses.Value[i].Headers.ETag?.ToString());
                }

                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } failed && failed < batch.Count)
            {
                // That row is there already; nothing of this transaction was stored.
                batch[failed].Done.TrySetException(new RequestFailedException(409, $"Row {batch[failed].Entity.RowKey} exists.", e));
                batch.RemoveAt(failed);
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }

                return;
            }
        }
    }

    private sealed class Partition
    {
        public Queue<Pending> Waiting { get; } = new();

        public bool Sending { get; set; }
    }

    private sealed class Pending(TableEntity entity, int bytes)
    {
        public TableEntity Entity { get; } = entity;

        public int Bytes { get; } = bytes;

        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
