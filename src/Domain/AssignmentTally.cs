namespace Gongzhi.Domain;

/// <summary>
/// How many cases a cadre was given lately, per UTC day: today and the <see cref="Days"/> − 1 days before
/// (D16-fair-share). Stored in the community's open-case chunks and, for chunks since dropped, with the cadre in its
/// main row, so its size is bounded (at most <see cref="Days"/> numbers) however many cases come; older days drop out
/// as the days pass. Tallies add up (<see cref="AddAll"/>): a cadre's week is the sum of theirs in every row.
/// </summary>
public sealed class AssignmentTally
{
    /// <summary>The window: a week, the period every roster repeats over, so each cadre's hours in it are their weekly hours.</summary>
    public const int Days = 7;

    /// <summary>The latest assignment counted; its UTC day is the day of <see cref="Counts"/>[0].</summary>
    public DateTimeOffset? Through { get; set; }

    /// <summary>Cases given per day, newest first: [0] on <see cref="Through"/>'s day, [i] i days before.</summary>
    public List<int> Counts { get; set; } = [];

    /// <summary>Where the window that holds <paramref name="now"/> starts: UTC midnight, <see cref="Days"/> − 1 days before today.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now) => DayStart(now).AddDays(-(Days - 1));

    /// <summary>Counts one case given at <paramref name="at"/>; one given before the window that holds <see cref="Through"/> is not counted.</summary>
    public void Add(DateTimeOffset at) => Add(at, 1);

    /// <summary>Adds every day of <paramref name="other"/> to this tally (its days older than this window are not counted).</summary>
    public void AddAll(AssignmentTally other)
    {
        if (other.Through is not { } through)
        {
            return;
        }

        // The newest day first, at its exact instant, so Through becomes the later of the two.
        for (var back = 0; back < other.Counts.Count; back++)
        {
            if (back == 0 || other.Counts[back] > 0)
            {
                Add(back == 0 ? through : DayStart(through).AddDays(-back), other.Counts[back]);
            }
        }
    }

    /// <summary>A copy that shares nothing with this tally (for a write taken now while the tally goes on changing).</summary>
    public AssignmentTally Copy() => new() { Through = Through, Counts = [.. Counts] };

    private void Add(DateTimeOffset at, int count)
    {
        if (Through is not { } through)
        {
            Through = at;
            Counts = [count];
            return;
        }

        var ahead = DaysBetween(through, at);
        if (ahead > 0)
        {
            if (ahead >= Days)
            {
                Counts = [0];
            }
            else
            {
                Counts.InsertRange(0, new int[ahead]);
                Trim();
            }

            Through = at;
            Counts[0] += count;
            return;
        }

        var back = -ahead;
        if (back >= Days)
        {
            return;
        }

        while (Counts.Count <= back)
        {
            Counts.Add(0);
        }

        Counts[back] += count;
        if (at > through)
        {
            Through = at;
        }
    }

    /// <summary>Cases given in the window that holds <paramref name="now"/> (today and the days before, <see cref="Days"/> in all).</summary>
    public int CountWithin(DateTimeOffset now)
    {
        if (Through is not { } through)
        {
            return 0;
        }

        var since = Math.Max(0, DaysBetween(through, now));
        return Counts.Take(Math.Max(0, Days - since)).Sum();
    }

    private void Trim()
    {
        if (Counts.Count > Days)
        {
            Counts.RemoveRange(Days, Counts.Count - Days);
        }
    }

    private static DateTimeOffset DayStart(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    private static int DaysBetween(DateTimeOffset from, DateTimeOffset to) => (int)(DayStart(to) - DayStart(from)).TotalDays;
}
