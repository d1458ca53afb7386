namespace Gongzhi.Domain;

/// <summary>
/// The deadlines of a community's open cases, earliest first: each case says when its next deadline is,
/// and <see cref="TakeDue"/> hands back the cases whose time has come, once each. A case's newer word
/// replaces its older one; a null takes it off the watch.
/// </summary>
public sealed class DeadlineWatch
{
    // Instants as UTC ticks: a community watches every open case it holds, and a long is half a DateTimeOffset.
    private readonly PriorityQueue<string, long> _queue = new();
    private readonly Dictionary<string, long> _due = new(StringComparer.Ordinal);

    /// <summary>How many cases are on the watch.</summary>
    public int Count => _due.Count;

    public DateTimeOffset? DueAt(string caseId) => _due.TryGetValue(caseId, out var due) ? new DateTimeOffset(due, TimeSpan.Zero) : null;

    public void Set(string caseId, DateTimeOffset? dueAt)
    {
        if (dueAt?.UtcTicks is not { } due)
        {
            _due.Remove(caseId);
            return;
        }

        if (_due.TryGetValue(caseId, out var known) && known == due)
        {
            return;
        }

        _due[caseId] = due;
        // Entries replaced or removed stay in the queue until their time and are skipped then.
        _queue.Enqueue(caseId, due);
        if (_queue.Count > 4 * _due.Count + 64)
        {
            Compact();
        }
    }

    /// <summary>The cases due at or before <paramref name="now"/>, taken off the watch.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        List<string>? due = null;
        while (_queue.TryPeek(out var caseId, out var at) && at <= now.UtcTicks)
        {
            _queue.Dequeue();
            if (_due.TryGetValue(caseId, out var current) && current == at)
            {
                _due.Remove(caseId);
                (due ??= []).Add(caseId);
            }
        }

        return due ?? (IReadOnlyList<string>)[];
    }

    private void Compact()
    {
        _queue.Clear();
        foreach (var (caseId, at) in _due)
        {
            _queue.Enqueue(caseId, at);
        }
    }
}
