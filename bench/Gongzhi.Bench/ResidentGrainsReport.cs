using System.Globalization;
using System.Text;

namespace Gongzhi.Bench;

/// <summary>The s4 report: &lt;timestamp&gt;-s4-&lt;cases&gt;.md (a table per milestone, the activation rate, the run second by second).</summary>
public static class ResidentGrainsReport
{
    public static async Task<string> WriteAsync(string root, Options o, string stamp, ResidentGrainsResult r, BenchWorld world)
    {
        var dir = o.OutputDirectory is { } d ? Path.GetFullPath(d) : Path.Combine(root, "docs", "benchmarks");
        Directory.CreateDirectory(dir);
        var name = $"{stamp}-s4-{o.Cases}";
        static string Mb(double bytes) => Stats.F(ResidentGrains.Mb(bytes), "F1");
        var sb = new StringBuilder();
        sb.AppendLine($"# Bench s4 (resident case grains) — {stamp} UTC");
        sb.AppendLine();
        sb.AppendLine($"Command: `{o.CommandLine}`");
        sb.AppendLine();
        sb.AppendLine($"Load: {o.Cases} cases offered open loop at {o.Rate}/s through `POST /api/v1/cases`, over {world.Communities.Count} generated communities × {o.CompoundsPerCommunity} compounds × {o.CadresPerCommunity} cadres " +
            $"(all on duty, every category, maxOpenCases 10000); the run lasts until every accepted case has had its `assigned` push on its community's board, or {o.Seconds} s. " +
            $"Listeners: {r.Connections} boards (one per community, no cadre connections); {r.ConnectionsClosed} closed during the run. " +
            $"The silo runs with `Orleans__GrainCollection__CollectionAge={o.CollectionAge:c}` (Orleans' default is 15 min), so no case grain is collected as idle before it is counted; " +
            "the catalog counters below show whether any activation was collected or destroyed.");
        sb.AppendLine();
        sb.AppendLine("Heap: at each point the bench induces a blocking gen2 GC in the silo over EventPipe (the runtime's GCHeapCollect keyword, as dotnet-gcdump does) and takes the heap size the GC reports after it (all generations, LOH, POH); " +
            "`last collection` and `committed` are the System.Runtime meter's `dotnet.gc.last_collection.heap.size` / `.memory.committed_size` read just after, activations Orleans' `orleans-catalog-activations`. " +
            "Points at 25–75 % are taken while the load runs (requests in flight are in the heap); the last after it. " +
            "**The generator, the boards, Azurite, the gateway and the silo share this machine's cores**, and other work ran on it: rates are lower bounds; heap figures are the silo's own.");
        sb.AppendLine();
        sb.AppendLine("## Figures");
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("| --- | --- |");
        sb.AppendLine($"| offered / accepted (202) / errors | {r.Sent} / {r.Accepted} / {r.Failed} |");
        foreach (var (kind, n) in r.ErrorsByKind.OrderByDescending(e => e.Value))
        {
            sb.AppendLine($"| &nbsp;&nbsp;{kind} | {n} |");
        }
        sb.AppendLine($"| assigned (board `assigned` push seen) | {r.Assigned} |");
        sb.AppendLine($"| **accepted but never assigned/pushed** (must be 0) | **{r.NeverAssigned}** |");
        sb.AppendLine($"| activations at the end (Orleans) | {Stats.F(r.Final.Activations)} ({Stats.F(r.NewActivations(r.Final))} since the 0 point) |");
        sb.AppendLine($"| **managed heap after gen2 at the end** | **{Mb(r.Final.HeapAfterGen2)} MB** (goal ≤ 400 MB with {o.Cases} resident: {(r.Final.HeapAfterGen2 <= 400d * 1024 * 1024 && r.NewActivations(r.Final) >= o.Cases ? "met" : "not met")}) |");
        sb.AppendLine($"| live after that gen2 (bytes it promoted; the rest of the heap is free space it did not compact) | {Mb(r.Final.LiveAfterGen2)} MB |");
        sb.AppendLine($"| silo GC pauses, load start → end (gen2 collections) | {Stats.F(r.Final.GcPauseSeconds - r.Points[0].GcPauseSeconds, "F1")} s ({Stats.F(r.Final.Gen2Collections - r.Points[0].Gen2Collections)}) |");
        sb.AppendLine($"| heap per new activation, 0 → end | {Stats.F(r.BytesPerActivation(r.Final))} B |");
        sb.AppendLine($"| heap per new activation, first milestone → end (marginal) | {Stats.F(r.MarginalBytesPerActivation)} B |");
        sb.AppendLine($"| **activation rate** (case grains activated per second, load start → last assigned at {r.AssignedBySeconds:F0} s) | **{Stats.F(r.ActivationsPerSecond, "F1")}/s** (best 10 s: {Stats.F(r.PeakActivationsPerSecond, "F1")}/s) |");
        sb.AppendLine($"| cases assigned per second over the same span | {Stats.F(r.AssignedPerSecond, "F1")}/s (offered {o.Rate}/s) |");
        sb.AppendLine();
        sb.AppendLine("## Silo at each point");
        sb.AppendLine();
        sb.AppendLine("| point | s | accepted | assigned | activations | heap after gen2 MB | live MB | last collection MB | committed MB | RSS MB | B per new activation | B per assigned case | gen2 GCs so far | GC pauses so far s |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var p in r.Points)
        {
            sb.AppendLine($"| {p.Label} | {p.Seconds:F0} | {p.Accepted} | {p.Assigned} | {Stats.F(p.Activations)} | {Mb(p.HeapAfterGen2)} | {Mb(p.LiveAfterGen2)} | {Mb(p.LastCollectionHeap)} | {Mb(p.Committed)} | {Stats.F(p.RssMb)} | " +
                $"{Stats.F(r.BytesPerActivation(p))} | {Stats.F(r.BytesPerAssignedCase(p))} | {Stats.F(p.Gen2Collections)} | {Stats.F(p.GcPauseSeconds, "F1")} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Orleans catalog counters at the end");
        sb.AppendLine();
        sb.AppendLine(string.Join(", ", r.CatalogCounters.Select(c => $"`{c.Instrument}` {Stats.F(c.Value)}")));
        sb.AppendLine();
        sb.AppendLine("## Processes during the run (CPU % of one core, RSS MB)");
        sb.AppendLine();
        sb.AppendLine("| process | CPU mean | CPU max | RSS max |");
        sb.AppendLine("| --- | --- | --- | --- |");
        string[] names = ["silo", "gateway", "azurite", "bench"];
        for (var i = 0; i < names.Length && r.Samples.Count > 0; i++)
        {
            sb.AppendLine($"| {names[i]} | {Stats.F(r.Samples.Average(s => s.Cpu[i]))} | {Stats.F(r.Samples.Max(s => s.Cpu[i]))} | {Stats.F(r.Samples.Max(s => s.RssMb[i]))} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Every 10 s");
        sb.AppendLine();
        sb.AppendLine("<details><summary>table</summary>");
        sb.AppendLine();
        sb.AppendLine("| s | sent | accepted | errors | assigned | activations | last-collection heap MB | RSS MB |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in r.Ticks.Where((_, i) => i % 10 == 9 || i == r.Ticks.Count - 1))
        {
            sb.AppendLine($"| {t.Seconds:F0} | {t.Sent} | {t.Accepted} | {t.Failed} | {t.Assigned} | {Stats.F(t.Activations)} | {Stats.F(t.LastCollectionHeapMb, "F1")} | {Stats.F(t.RssMb)} |");
        }
        sb.AppendLine();
        sb.AppendLine("</details>");
        sb.AppendLine();
        await Report.AppendMachineAsync(sb, root);
        var md = Path.Combine(dir, name + ".md");
        await File.WriteAllTextAsync(md, sb.ToString());
        return md;
    }
}
