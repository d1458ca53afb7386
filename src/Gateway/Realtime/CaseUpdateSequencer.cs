using Gongzhi.Cases;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Puts each case's updates back in seq order before they are pushed. Orleans does not promise that
/// messages arrive in the order they were sent, so an update that comes early (a gap before it) is held
/// for up to <see cref="HoldFor"/> while the missing ones arrive; past that it goes out anyway and the
/// clients, seeing the gap, fetch the case. Updates older than what was already pushed are dropped.
/// Not thread-safe: one pump calls it.
/// </summary>
public sealed class CaseUpdateSequencer(TimeProvider time)
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a case this gateway has gone quiet on is remembered.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(30);

    private readonly Dictionary<string, CaseLine> _cases = [];

    /// <summary>The earliest moment a held update must go out, for the pump to wake at.</summary>
    public DateTimeOffset? NextRelease => _cases.Values.Where(c => c.Held.Count > 0).Select(c => (DateTimeOffset?)c.HeldSince + HoldFor).Min();

    /// <summary>Takes an update; returns what can be pushed now, in order.</summary>
    public IReadOnlyList<CaseUpdate> Accept(CaseUpdate update)
    {
        var now = time.GetUtcNow();
        if (!_cases.TryGetValue(update.CaseId, out var line))
        {
            _cases[update.CaseId] = line = new CaseLine();
        }

        line.LastHeard = now;
        if (update.Seq <= line.Pushed || line.Held.ContainsKey(update.Seq))
        {
            return [];
        }

        // The first update a gateway sees of a case may be a later one; wait a moment for its predecessors.
        if (update.Seq == line.Pushed + 1 && (line.Pushed > 0 || update.Seq == 1))
        {
            var ready = new List<CaseUpdate> { update };
            line.Pushed = update.Seq;
            Drain(line, ready);
            return ready;
        }

        if (line.Held.Count == 0)
        {
            line.HeldSince = now;
        }

        line.Held[update.Seq] = update;
        return [];
    }

    /// <summary>Releases, in order, the held updates whose wait is over; forgets long-quiet cases.</summary>
    public IReadOnlyList<CaseUpdate> Release()
    {
        var now = time.GetUtcNow();
        var ready = new List<CaseUpdate>();
        foreach (var (caseId, line) in _cases.ToArray())
        {
            if (line.Held.Count > 0 && now - line.HeldSince >= HoldFor)
            {
                var first = line.Held.Keys[0];
                line.Pushed = first - 1;
                Drain(line, ready);
                line.HeldSince = now;
            }

            if (line.Held.Count == 0 && now - line.LastHeard > ForgetAfter)
            {
                _cases.Remove(caseId);
            }
        }

        return ready;
    }

    private static void Drain(CaseLine line, List<CaseUpdate> ready)
    {
        while (line.Held.Remove(line.Pushed + 1, out var next))
        {
            ready.Add(next);
            line.Pushed = next.Seq;
        }
    }

    private sealed class CaseLine
    {
        public int Pushed { get; set; }

        public SortedList<int, CaseUpdate> Held { get; } = [];

        public DateTimeOffset HeldSince { get; set; }

        public DateTimeOffset LastHeard { get; set; }
    }
}
