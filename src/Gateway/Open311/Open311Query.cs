using Gongzhi.Gateway.Apis;
using Gongzhi.Gateway.Places;
using Gongzhi.Metrics;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// <c>GET requests</c>: by <c>service_request_id</c> (a comma list; the other filters are then ignored, as the spec
/// says), else the community's cases submitted between <c>start_date</c> and <c>end_date</c> (default: the last 90
/// days), of the <c>service_code</c>s and <c>status</c>es asked, newest first, at most 1,000. The candidates come from the
/// community's KPI facts (one grain call); each candidate's case is then read, <see cref="Parallelism"/> at a time,
/// until 1,000 match (docs/open311.md weighs the cost).
/// </summary>
public sealed class Open311Query(IClusterClient cluster, TimeProvider time)
{
    public const int MaxResults = 1000;
    public const int Parallelism = 16;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public async Task<Open311Result> ListAsync(IQueryCollection query, CommunityInfo community, IPlaceDirectory places, string origin, Open311Format format)
    {
        var faults = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = List(query, "service_request_id", faults);
        var codes = List(query, "service_code", faults);
        var statuses = List(query, "status", faults);
        if (statuses?.FirstOrDefault(s => s is not ("open" or "closed")) is { } status)
        {
            faults["status"] = $"'{Shorten(status)}' is not a status; use open, closed or both (open,closed).";
        }

        var start = Time(query, "start_date", faults);
        var end = Time(query, "end_date", faults);
        if (start > end)
        {
            faults["start_date"] = "Must not be after end_date.";
        }

        if (faults.Count > 0)
        {
            return Open311Errors.Invalid(format, faults);
        }

        IEnumerable<string> candidates;
        if (ids is not null)
        {
            candidates = ids.Where(CaseIds.IsWellFormed).Distinct().Take(MaxResults);
        }
        else
        {
            var to = end ?? (start is { } s ? s + DefaultWindow : time.GetUtcNow());
            var from = start ?? to - DefaultWindow;
            var facts = await cluster.GetGrain<IMetricsGrain>(community.Id).GetFactsAsync(from, to.AddTicks(1));
            candidates = facts.Where(f => codes is null || codes.Contains(f.Category)).OrderByDescending(f => f.SubmittedAt).Select(f => f.CaseId);
        }

        var found = await ReadAsync(candidates, snapshot => snapshot.CommunityId == community.Id
            && (ids is not null || statuses is null || statuses.Contains(Open311Requests.IsOpen(snapshot) ? "open" : "closed")));
        return new Open311Result(Open311Node.List("service_requests", found.Select(s => Open311Requests.Of(s, community, places, origin))), format);
    }

    /// <summary>The cases of <paramref name="caseIds"/> that exist and match, in their order, at most <see cref="MaxResults"/>.</summary>
    private async Task<List<CaseSnapshot>> ReadAsync(IEnumerable<string> caseIds, Func<CaseSnapshot, bool> match)
    {
        var found = new List<CaseSnapshot>();
        foreach (var batch in caseIds.Chunk(Parallelism))
        {
            var snapshots = await Task.WhenAll(batch.Select(id => cluster.GetGrain<ICaseGrain>(id).GetAsync()));
            found.AddRange(snapshots.OfType<CaseSnapshot>().Where(match));
            if (found.Count >= MaxResults)
            {
                return found.GetRange(0, MaxResults);
            }
        }

        return found;
    }

    private static HashSet<string>? List(IQueryCollection query, string name, Dictionary<string, string> faults)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length > MaxResults || items.Any(i => i.Length > TextLimits.Code))
        {
            faults[name] = $"At most {MaxResults} items of at most {TextLimits.Code} characters each.";
            return null;
        }

        return [.. items];
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string> faults)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!IsoTimes.TryParse(text, out var value))
        {
            faults[name] = IsoTimes.Hint;
            return null;
        }

        return value;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
