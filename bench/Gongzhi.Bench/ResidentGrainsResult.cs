using System.Globalization;
using System.Text;

namespace Gongzhi.Bench;

/// <summary>What an s4 run measured, and the figures derived from it (bytes per case grain, activation rate).</summary>
public sealed record ResidentGrainsResult(
    Options Options,
    IReadOnlyList<ResidentGrains.Point> Points,
    IReadOnlyList<ResidentGrains.Tick> Ticks,
    double EndSeconds,
    long Sent,
    long Accepted,
    long Failed,
    long Assigned,
    long NeverAssigned,
    IReadOnlyDictionary<string, long> ErrorsByKind,
    IReadOnlyDictionary<string, double> LastCounters,
    IReadOnlyList<ProcSampler.Sample> Samples,
    int Connections,
    long ConnectionsClosed)
{
    public ResidentGrains.Point Base => Points[0];

    public ResidentGrains.Point Final => Points[^1];

    /// <summary>Grains Orleans added since the 0 point: the case grains (communities and cadres were active before it).</summary>
    public double NewActivations(ResidentGrains.Point p) => p.Activations - Base.Activations;

    public double BytesPerActivation(ResidentGrains.Point p) => NewActivations(p) > 0 ? (p.HeapAfterGen2 - Base.HeapAfterGen2) / NewActivations(p) : double.NaN;

    public double BytesPerAssignedCase(ResidentGrains.Point p) => p.Assigned > 0 ? (p.HeapAfterGen2 - Base.HeapAfterGen2) / p.Assigned : double.NaN;

    /// <summary>The heap's growth per activation between the first milestone and the end: the marginal cost, free of start-up effects.</summary>
    public double MarginalBytesPerActivation => Points.Count > 2 && Final.Activations > Points[1].Activations
        ? (Final.HeapAfterGen2 - Points[1].HeapAfterGen2) / (Final.Activations - Points[1].Activations)
        : double.NaN;

    /// <summary>When the last case was assigned (or the run ended), seconds since the load began.</summary>
    public double AssignedBySeconds => Ticks.FirstOrDefault(t => t.Assigned >= Assigned)?.Seconds ?? EndSeconds;

    /// <summary>Case grains activated per second over the whole load: from its start until the last case was assigned.</summary>
    public double ActivationsPerSecond => AssignedBySeconds > 0 ? (Final.Activations - Base.Activations) / AssignedBySeconds : double.NaN;

    public double AssignedPerSecond => AssignedBySeconds > 0 ? Assigned / AssignedBySeconds : double.NaN;

    /// <summary>The best 10 s of activations (Orleans' count, rising).</summary>
    public double PeakActivationsPerSecond
    {
        get
        {
            var best = double.NaN;
            for (var i = 10; i < Ticks.Count; i++)
            {
                var r = (Ticks[i].Activations - Ticks[i - 10].Activations) / (Ticks[i].Seconds - Ticks[i - 10].Seconds);
                best = double.IsNaN(best) || r > best ? r : best;
            }
            return best;
        }
    }

    /// <summary>Orleans' catalog instruments at the end (activations, created, collections, destroyed …), summed over tags.</summary>
    public IEnumerable<(string Instrument, double Value)> CatalogCounters =>
        LastCounters.Where(kv => kv.Key.StartsWith(SiloCounters.Orleans + "/orleans-catalog", StringComparison.Ordinal))
            .GroupBy(kv => kv.Key.Split('/')[1])
            .Select(g => (g.Key, g.Sum(kv => kv.Value)))
            .OrderBy(x => x.Key, StringComparer.Ordinal);

    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"s4: {Sent} sent, {Accepted} accepted, {Failed} errors, {Assigned} assigned (board push), {NeverAssigned} accepted but never assigned");
        foreach (var p in Points)
        {
            sb.AppendLine($"  {p.Label,6}: {p.Assigned,7} assigned, {Stats.F(p.Activations),7} activations, heap after gen2 {ResidentGrains.Mb(p.HeapAfterGen2):F1} MB, RSS {Stats.F(p.RssMb)} MB, " +
                $"{Stats.F(BytesPerActivation(p))} B per new activation");
        }
        sb.AppendLine($"  marginal heap per activation (first milestone → end): {Stats.F(MarginalBytesPerActivation)} B");
        sb.AppendLine($"  activation rate: {Stats.F(ActivationsPerSecond, "F1")}/s over {AssignedBySeconds:F0} s (best 10 s: {Stats.F(PeakActivationsPerSecond, "F1")}/s); assigned {Stats.F(AssignedPerSecond, "F1")}/s");
        sb.Append($"  goal: {Options.Cases} resident within 400 MB of managed heap → {(Final.HeapAfterGen2 <= 400 * 1024 * 1024 && NewActivations(Final) >= Options.Cases ? "met" : "NOT met")}");
        return sb.ToString();
    }
}
