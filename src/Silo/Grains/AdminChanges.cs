using Gongzhi.Administration;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// What a grain the admin changes keeps of those changes, stored in the same row as the change itself: a revision
/// counted up by each change, and the audit entries not yet known to be in the audit log (an outbox). An entry is
/// made in the write that makes the change, so the log can neither miss a stored change nor claim one that was not
/// stored; its id (<c>{grain}/r{revision}</c>) makes delivering it again harmless.
/// </summary>
public sealed class AdminChanges
{
    public int Revision { get; set; }

    public List<AuditEntry> Outbox { get; set; } = [];

    /// <summary>Counts the change and puts its audit entry in the outbox.</summary>
    public void Record(string grain, DateTimeOffset at, string actor, string action, string target, string detail)
    {
        Revision++;
        Outbox.Add(new AuditEntry($"{grain}/r{Revision}", at, actor, action, target, Short(detail)));
    }

    /// <summary>Appends each entry of the outbox to its day's log, then forgets it (the next write stores that).</summary>
    public async Task DeliverAsync(IGrainFactory grains)
    {
        foreach (var entry in Outbox.ToArray())
        {
            await grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(entry.At)).AppendAsync(entry);
            Outbox.Remove(entry);
        }
    }

    private static string Short(string detail) => detail.Length <= 500 ? detail : detail[..499] + "…";
}
