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

    /// <summary>How often quiet cases are looked for; the sweep is the only pass over every case remembered.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, CaseLine> _cases = [];

    // Only the cases with updates on hold: the pump asks about them on every wake-up, so that work must not grow
    // with the thousands of cases a busy gateway remembers.
    private readonly HashSet<CaseLine> _holding = [];
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>How many updates have been put on hold so far.</summary>
    public long HeldTotal { get; private set; }

    /// <summary>How many cases are remembered (for tests and diagnostics).</summary>
    public int Remembered => _cases.Count;

    /// <summary>The earliest moment a held update must go out, for the pump to wake at.</summary>
    public DateTimeOffset? NextRelease
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (var line in _holding)
            {
                var at = line.HeldSince + HoldFor;
                if (next is null || at < next)
                {
                    next = at;
                }
            }

            return next;
        }
    }

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
            _holding.Add(line);
        }

        line.Held[update.Seq] = update;
        HeldTotal++;
        return [];
    }

    /// <summary>Releases, in order, the held updates whose wait is over; now and then forgets long-quiet cases.</summary>
    public IReadOnlyList<CaseUpdate> Release()
    {
        var now = time.GetUtcNow();
        List<CaseUpdate>? ready = null;
        if (_holding.Count > 0)
        {
            foreach (var line in _holding.ToArray())
            {
                if (now - line.HeldSince >= HoldFor)
                {
                    var first = line.Held.Keys[0];
                    line.Pushed = first - 1;
                    Drain(line, ready ??= []);
                    line.HeldSince = now;
                }
            }
        }

        if (now >= _nextSweep)
        {
            _nextSweep = now + SweepEvery;
            foreach (var (caseId, line) in _cases.ToArray())
            {
                if (line.Held.Count == 0 && now - line.LastHeard > ForgetAfter)
                {
                    _cases.Remove(caseId);
                }
            }
        }

        return ready ?? (IReadOnlyList<CaseUpdate>)[];
    }

    private void Drain(CaseLine line, List<CaseUpdate> ready)
    {
        while (line.Held.Remove(line.Pushed + 1, out var next))
        {
            ready.Add(next);
            line.Pushed = next.Seq;
        }

        if (line.Held.Count == 0)
        {
            _holding.Remove(line);
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
