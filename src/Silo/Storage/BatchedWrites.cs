using Azure;
using Azure.Data.Tables;
using Gongzhi.Storage;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// Writes to rows of one table — new rows, and replacements of rows read before (by ETag) — sent in transactions of up
/// to <see cref="MaxRows"/> rows of a partition by group commit: rows that come while a partition's transaction is on
/// its way wait and go together in the next one, so a surge costs a few requests however many rows it brings. A
/// transaction is stored whole or not at all; when one of its rows is refused (a new row that is there already, 409; a
/// row changed or gone since it was read, 412 or 404), that row's caller gets the refusal and the others are sent again
/// without it.
/// </summary>
internal sealed class BatchedWrites(TableClient table)
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
    public Task<string?> InsertAsync(TableEntity entity, int dataBytes) => Enqueue(new Pending(entity, null, dataBytes));

    /// <summary>
    /// Completes with the row's new ETag once <paramref name="entity"/> replaces the row stored with <paramref name="etag"/>;
    /// fails with status 412 (or 404) when the row changed (or went) since, or as <see cref="InsertAsync"/>.
    /// </summary>
    public Task<string?> ReplaceAsync(TableEntity entity, string etag, int dataBytes) => Enqueue(new Pending(entity, new ETag(etag), dataBytes));

    private Task<string?> Enqueue(Pending pending)
    {
        Partition partition;
        bool start;
        lock (_lock)
        {
            if (!_partitions.TryGetValue(pending.Entity.PartitionKey, out partition!))
            {
                _partitions[pending.Entity.PartitionKey] = partition = new Partition();
            }

            partition.Waiting.Add(pending);
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
                TakeBatch(partition.Waiting, batch);
                if (batch.Count == 0)
                {
                    partition.Sending = false;
                    return;
                }
            }

            await SendBatchAsync(batch);
        }
    }

    // The oldest waiting rows that fit one transaction, a row at most once (a transaction may not name a row twice: a
    // second write of a row waits for the next, in the order they came).
    private static void TakeBatch(List<Pending> waiting, List<Pending> batch)
    {
        var bytes = 0;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < waiting.Count && batch.Count < MaxRows)
        {
            var next = waiting[i];
            if (batch.Count > 0 && bytes + next.Bytes > MaxBytes)
            {
                break;
            }

            if (!rows.Add(next.Entity.RowKey))
            {
                i++;
                continue;
            }

            batch.Add(next);
            bytes += next.Bytes;
            waiting.RemoveAt(i);
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
                    var one = batch[0];
                    var response = one.ETag is { } etag
                        ? await table.UpdateEntityAsync(one.Entity, etag, TableUpdateMode.Replace)
                        : await table.AddEntityAsync(one.Entity);
                    one.Done.TrySetResult(response.Headers.ETag?.ToString());
                    return;
                }

                Response<IReadOnlyList<Response>> responses;
                using (StorageRequestCounter.TransactionRows(() => batch.Select(p => (p.Row(table.Name), p.StateBytes)).ToArray()))
                {
                    responses = await table.SubmitTransactionAsync(batch.Select(p => p.ETag is { } etag
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, p.Entity, etag)
                        : new TableTransactionAction(TableTransactionActionType.Add, p.Entity)));
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(responses.Value[i].Headers.ETag?.ToString());
                }

                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404 && e.FailedTransactionActionIndex is { } failed && failed < batch.Count)
            {
                // That row was refused; nothing of this transaction was stored.
                batch[failed].Done.TrySetException(new RequestFailedException(e.Status, $"Row {batch[failed].Entity.RowKey} refused ({e.Status}).", e.ErrorCode, e));
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
        public List<Pending> Waiting { get; } = [];

        public bool Sending { get; set; }
    }

    private sealed class Pending(TableEntity entity, ETag? etag, int dataBytes)
    {
        public TableEntity Entity { get; } = entity;

        public ETag? ETag { get; } = etag;

        /// <summary>The row's state as the request carries it (base64).</summary>
        public int StateBytes { get; } = (dataBytes + 2) / 3 * 4;

        /// <summary>At most what the row adds to a transaction's body: its state, keys and headers.</summary>
        public int Bytes => StateBytes + RowOverhead;

        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // How the request counter names this row in a transaction: its table, its state (the row key up to '|'), its kind.
        public string Row(string tableName)
        {
            var bar = Entity.RowKey.IndexOf('|', StringComparison.Ordinal);
            return $"{tableName}/{(bar < 0 ? Entity.RowKey : Entity.RowKey[..bar])}:{(ETag is null ? "insert" : "replace")}";
        }
    }
}
