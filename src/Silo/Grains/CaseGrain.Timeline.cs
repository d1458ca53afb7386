using Gongzhi.Cases;

namespace Gongzhi.Silo.Grains;

/// <summary>The case's timeline beyond its row: old events moved to the archive as the row grows, and read back once per activation when someone asks for the whole case.</summary>
internal sealed partial class CaseGrain
{
    // The archived part of the timeline, read once per activation when someone asks for the whole case.
    private List<CaseEvent>? _archived;

    // Blob first, then the row: a crash in between leaves events in both, and reading skips the repeats by seq.
    private async Task ArchiveOldEventsAsync()
    {
        var options = services.ArchiveOptions;
        if (services.Archive is null || Record.Timeline.Count < options.MaxEventsInRow)
        {
            return;
        }

        var old = Record.Timeline.Take(Record.Timeline.Count - options.KeepInRow).ToArray();
        var chunk = await services.Archive.WriteAsync(Record.CaseId, old);
        Record.ArchivedChunks = [.. Record.ArchivedChunks, chunk];
        Record.Timeline.RemoveRange(0, old.Length);
        _archived?.AddRange(old);
        services.Logger.LogInformation("Case {CaseId}: {Count} events archived to {Chunk}", Record.CaseId, old.Length, chunk);
    }

    private async Task<CaseSnapshot> SnapshotAsync()
    {
        if (Record.ArchivedChunks.Length == 0 || services.Archive is null)
        {
            return Record.ToSnapshot();
        }

        if (_archived is null)
        {
            var archived = new List<CaseEvent>();
            foreach (var chunk in Record.ArchivedChunks)
            {
                archived.AddRange(await services.Archive.ReadAsync(chunk));
            }

            _archived = archived;
        }

        return Record.ToSnapshot(_archived);
    }
}
