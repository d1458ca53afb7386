using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gongzhi.Bench;

/// <summary>docs/benchmarks/&lt;timestamp&gt;-&lt;scenario&gt;.md and .png (Chart.js in headless Chromium: no native drawing libraries).</summary>
public static class Report
{
    public static async Task<string> WriteAsync(string root, Options o, string stamp, RunResult r, BaselineResults? b, BenchWorld world, string work, StorageWork? storage = null, string? scenarioSection = null)
    {
        var dir = o.OutputDirectory is { } d ? Path.GetFullPath(d) : Path.Combine(root, "docs", "benchmarks");
        Directory.CreateDirectory(dir);
        var name = $"{stamp}-{o.Scenario}" + (o.ClosedLoop ? "" : $"-{o.Rate.ToString(CultureInfo.InvariantCulture)}") + (o.GrainStorage is { } provider ? "-" + provider.ToLowerInvariant() : "");
        var png = Path.Combine(dir, name + ".png");
        var chartOk = o.Chart && await ChartAsync(root, r, png, Path.Combine(work, "chart.html"), name);

        string Ratio(double v, double ceiling) => ceiling > 0 && !double.IsNaN(v) ? (v / ceiling).ToString("P1", CultureInfo.InvariantCulture) : "–";
        var sb = new StringBuilder();
        sb.AppendLine($"# Bench {o.Scenario} — {stamp} UTC");
        sb.AppendLine();
        sb.AppendLine($"Command: `{o.CommandLine}`");
        sb.AppendLine();
        sb.AppendLine($"Warm-up: {o.WarmupSeconds} s at {o.WarmupRate}/s before the listeners connect (JIT, connection pools, grain activations; not counted). Load: {(o.ClosedLoop ? $"closed loop, {o.Concurrency} requests in flight" : $"open loop at {o.Rate}/s (requests are sent when due, whatever the answers do; latency counts from when a request was due)")} for {o.Seconds} s, then up to {o.DrainSeconds} s of drain. " +
            $"World: {world.Communities.Count} generated communities × {o.CompoundsPerCommunity} compounds × {o.CadresPerCommunity} cadres (all on duty, every category, maxOpenCases 10000), the categories of seeds/world.json. " +
            $"Listeners: {r.Connections} SignalR connections (one board per community, every cadre); {r.ConnectionsClosed} closed during the run.");
        sb.AppendLine();
        sb.AppendLine("System: Azurite 3.37 as three processes (tables and blobs in memory, queues on disk in the run's temp folder; see docs/benchmarks/README.md), one silo (grain storage: " + (o.GrainStorage ?? "the default, Gongzhi") + "), one gateway, " + o.Configuration + " build, Development environment (for dev tokens), started as run.sh starts them. " +
            "**The generator, the " + r.Connections + " SignalR clients and the system share this machine's cores**: every figure is a lower bound for the system alone.");
        sb.AppendLine();
        sb.AppendLine("## Figures");
        sb.AppendLine();
        sb.AppendLine("| figure | value | ceiling | ratio |");
        sb.AppendLine("| --- | --- | --- | --- |");
        sb.AppendLine($"| offered | {r.Sent} in {r.LoadSeconds:F1} s | | |");
        sb.AppendLine($"| accepted (202) | {r.Accepted} | {r.Sent} offered | {Ratio(r.Accepted, r.Sent)} |");
        sb.AppendLine($"| accepted/s (mean over the load) | {r.AcceptedPerSecond:F1} | {(o.ClosedLoop ? "–" : $"{o.Rate}/s offered")} | {(o.ClosedLoop ? "–" : Ratio(r.AcceptedPerSecond, o.Rate))} |");
        sb.AppendLine($"| accepted/s, lowest whole second | {Stats.F(r.MinAcceptedPerSecond)} | | |");
        if (b is not null)
        {
            sb.AppendLine($"| accepted/s vs bare Kestrel | {r.AcceptedPerSecond:F1} | {b.KestrelPerSecond:F0}/s (closed loop, {b.Concurrency} in flight) | {Ratio(r.AcceptedPerSecond, b.KestrelPerSecond)} |");
            sb.AppendLine($"| cases/s vs raw queue sends (the gateway batches: ≤ 1 send per case) | {r.AcceptedPerSecond:F1}/s | Azurite queue sends {b.QueueSendsPerSecond:F0}/s | {Ratio(r.AcceptedPerSecond, b.QueueSendsPerSecond)} |");
            sb.AppendLine($"| cases/s vs raw table upserts | {r.AcceptedPerSecond:F1}/s | Azurite table upserts {b.TableUpsertsPerSecond:F0}/s | {Ratio(r.AcceptedPerSecond, b.TableUpsertsPerSecond)} |");
        }
        sb.AppendLine($"| errors | {r.Failed} | | {Ratio(r.Failed, r.Sent)} of offered |");
        foreach (var (kind, n) in r.ErrorsByKind.OrderByDescending(e => e.Value))
        {
            sb.AppendLine($"| &nbsp;&nbsp;{kind} | {n} | | |");
        }
        if (o.IntakeOnly)
        {
            sb.AppendLine("| accepted but never pushed | not counted: the intake worker is off in s5 (see the intake audit) | | |");
        }
        else
        {
            sb.AppendLine($"| **accepted but never pushed to the cadre** (must be 0) | **{r.NeverPushedToCadre}** | | |");
            sb.AppendLine($"| accepted but never pushed to the board | {r.NeverPushedToBoard} | | |");
            sb.AppendLine($"| accepted, no `assigned` seen on the board | {r.NoAssignedOnBoard} | | |");
        }
        sb.AppendLine($"| pushed cases no 202 of this run names | {r.UnknownPushedCases} | | |");
        sb.AppendLine();
        sb.AppendLine("## Latency (ms, from HdrHistogram)");
        sb.AppendLine();
        sb.AppendLine(Percentiles.TableHead);
        sb.AppendLine(r.PostToAnswer.Row("POST → 202"));
        sb.AppendLine(r.PostToBoardFirst.Row("POST → board, first push"));
        sb.AppendLine(r.PostToBoardAssigned.Row("POST → board, `assigned`"));
        sb.AppendLine(r.PostToCadre.Row("POST → cadre, `assigned`"));
        sb.AppendLine(r.SendLag.Row("generator lag (due → sent)"));
        sb.AppendLine(r.AzuriteProbe.Row("Azurite probe: one tiny table read every 250 ms"));
        if (b is not null)
        {
            sb.AppendLine(b.KestrelLatency.Row($"bare Kestrel, closed loop {b.Concurrency}"));
        }
        sb.AppendLine();
        if (scenarioSection is not null)
        {
            sb.Append(scenarioSection);
        }
        sb.AppendLine("## Processes during the load");
        sb.AppendLine();
        sb.AppendLine("| process | CPU mean | CPU max | RSS max | GC pauses | JIT |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        for (var i = 0; i < r.ProcNames.Count; i++)
        {
            var gc = double.IsNaN(r.Procs[i].GcMs) ? "–" : $"{Stats.F(r.Procs[i].GcMs)} ms";
            var jit = double.IsNaN(r.Procs[i].JitMs) ? "–" : $"{Stats.F(r.Procs[i].JitMs)} ms";
            sb.AppendLine($"| {r.ProcNames[i]} | {Stats.F(r.Procs[i].MeanCpu)} % | {Stats.F(r.Procs[i].MaxCpu)} % | {Stats.F(r.Procs[i].MaxRss)} MB | {gc} | {jit} |");
        }
        sb.AppendLine($"| machine | {Stats.F(r.MachineCpu)} % of {Environment.ProcessorCount} cores | | | | |");
        sb.AppendLine();
        sb.AppendLine("CPU% is of one core (200 % = both cores of this machine). `bench` is the generator and SignalR clients. GC pauses: the time the runtime's GC held the process's threads (`dotnet.gc.pause.time`), summed over the load. JIT: the time its threads spent compiling code (`dotnet.jit.compilation.time`, tiering up included), summed over the load.");
        sb.AppendLine();
        if (b is not null)
        {
            sb.AppendLine("## Baselines (same run, same machine, before the system starts; Azurite baselines against a fresh Azurite of their own)");
            sb.AppendLine();
            sb.AppendLine($"- Bare Kestrel (in the bench process, minimal endpoint parsing the same JSON and answering 202 with a body shaped like the gateway's), closed loop with {b.Concurrency} in flight for {b.Seconds} s: **{b.KestrelPerSecond:F0} req/s**.");
            sb.AppendLine($"- Azurite table upserts (Azure.Data.Tables, ~800-byte entity, {b.Concurrency / 2} in flight, {b.Seconds} s): **{b.TableUpsertsPerSecond:F0}/s**.");
            sb.AppendLine($"- Azurite queue sends (Azure.Storage.Queues, ~800-byte message, {b.Concurrency / 2} in flight, {b.Seconds} s): **{b.QueueSendsPerSecond:F0}/s**.");
            sb.AppendLine();
        }
        if (storage is not null)
        {
            sb.AppendLine("## Storage work per case");
            sb.AppendLine();
            sb.Append(storage.Markdown());
            sb.AppendLine();
        }
        if (r.Tables.Count > 0)
        {
            sb.AppendLine("## The system's tables after the run (rows)");
            sb.AppendLine();
            sb.AppendLine(string.Join(", ", r.Tables.Select(t => $"`{t.Table}` {t.Rows}")));
            sb.AppendLine();
        }
        sb.AppendLine("## Pushes seen, by event type");
        sb.AppendLine();
        sb.AppendLine(string.Join(", ", r.EventTypes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}")));
        sb.AppendLine();
        sb.AppendLine("## Per second");
        sb.AppendLine();
        if (chartOk)
        {
            sb.AppendLine($"![throughput, latency and CPU per second]({name}.png)");
            sb.AppendLine();
        }
        sb.AppendLine("<details><summary>table</summary>");
        sb.AppendLine();
        sb.AppendLine("| s | offered | accepted | errors | board pushes | cadre `assigned` pushes | cadre p50 ms | cadre p99 ms | 202 p99 ms | Azurite probe max ms | CPU silo | gw | azurite | bench | machine | GC pause ms silo | gw | JIT ms silo | gw |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in r.Seconds.Where(x => x.Offered + x.Accepted + x.BoardPushes + x.CadrePushes + x.Errors > 0))
        {
            sb.AppendLine($"| {row.Second} | {row.Offered} | {row.Accepted} | {row.Errors} | {row.BoardPushes} | {row.CadrePushes} | {Stats.Ms(row.CadreP50)} | {Stats.Ms(row.CadreP99)} | {Stats.Ms(row.PostP99)} | {Stats.Ms(row.ProbeMax)} | {Stats.F(row.SiloCpu)} | {Stats.F(row.GatewayCpu)} | {Stats.F(row.AzuriteCpu)} | {Stats.F(row.BenchCpu)} | {Stats.F(row.MachineCpu)} | {Stats.F(row.SiloGcMs)} | {Stats.F(row.GatewayGcMs)} | {Stats.F(row.SiloJitMs)} | {Stats.F(row.GatewayJitMs)} |");
        }
        sb.AppendLine();
        sb.AppendLine("</details>");
        sb.AppendLine();
        await AppendMachineAsync(sb, root);
        var md = Path.Combine(dir, name + ".md");
        await File.WriteAllTextAsync(md, sb.ToString());
        return md;
    }

    /// <summary>The report's closing section: cores, CPU, memory, OS, dotnet and node versions, commit.</summary>
    public static async Task AppendMachineAsync(System.Text.StringBuilder sb, string root)
    {
        sb.AppendLine("## Machine");
        sb.AppendLine();
        sb.AppendLine($"- {Environment.ProcessorCount} cores ({CpuModel()}), {MemTotal()} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        sb.AppendLine($"- dotnet {await Safe(() => SystemUnderTest.RunToEndAsync("dotnet", "--version", root))}, node {await Safe(() => SystemUnderTest.RunToEndAsync("node", "--version", root))}");
        sb.AppendLine($"- commit {await Safe(() => SystemUnderTest.RunToEndAsync("git", "rev-parse --short HEAD", root))}");
    }

    private static async Task<string> Safe(Func<Task<string>> f)
    {
        try
        {
            return await f();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";

    private static string MemTotal()
    {
        var kb = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return $"{kb / 1024d / 1024d:F1} GiB";
    }

    private static async Task<bool> ChartAsync(string root, RunResult r, string png, string html, string title)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        var chartJs = Path.Combine(root, "node_modules", "chart.js", "dist", "chart.umd.js");
        if (!File.Exists(chromium) || !File.Exists(chartJs))
        {
            Console.WriteLine($"    (no chart: needs {chromium} and {chartJs})");
            return false;
        }
        var rows = r.Seconds.Where(x => x.Offered + x.Accepted + x.BoardPushes + x.CadrePushes + x.Errors > 0).ToList();
        static double? N(double v) => double.IsNaN(v) ? null : Math.Round(v, 1);
        var data = JsonSerializer.Serialize(new
        {
            labels = rows.Select(x => x.Second),
            offered = rows.Select(x => x.Offered),
            accepted = rows.Select(x => x.Accepted),
            cadre = rows.Select(x => x.CadrePushes),
            errors = rows.Select(x => x.Errors),
            p50 = rows.Select(x => N(x.CadreP50)),
            p99 = rows.Select(x => N(x.CadreP99)),
            post99 = rows.Select(x => N(x.PostP99)),
            probe = rows.Select(x => N(x.ProbeMax)),
            silo = rows.Select(x => N(x.SiloCpu)),
            gw = rows.Select(x => N(x.GatewayCpu)),
            az = rows.Select(x => N(x.AzuriteCpu)),
            bench = rows.Select(x => N(x.BenchCpu)),
        });
        var page = $$"""
            <!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font-family:sans-serif;background:#fff}div{height:290px;padding:4px 16px}</style>
            <script>{{await File.ReadAllTextAsync(chartJs)}}</script></head><body>
            <div><canvas id="a"></canvas></div><div><canvas id="b"></canvas></div><div><canvas id="c"></canvas></div>
            <script>
            const d = {{data}};
            Chart.defaults.animation = false; Chart.defaults.responsive = true; Chart.defaults.maintainAspectRatio = false;
            const ds = (label, data, color, extra) => Object.assign({ label, data, borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2, spanGaps: true }, extra || {});
            const x = { title: { display: true, text: 's since the load began (by send time for latency)' } };
            new Chart(a, { type: 'line', data: { labels: d.labels, datasets: [ds('offered/s', d.offered, '#999'), ds('accepted (202)/s', d.accepted, '#1f77b4'), ds('cadre assigned pushes/s', d.cadre, '#2ca02c'), ds('errors/s', d.errors, '#d62728')] },
              options: { plugins: { title: { display: true, text: {{JsonSerializer.Serialize(title + " — throughput")}} } }, scales: { x, y: { beginAtZero: true, title: { display: true, text: 'per second' } } } } });
            new Chart(b, { type: 'line', data: { labels: d.labels, datasets: [ds('POST→cadre p50', d.p50, '#2ca02c'), ds('POST→cadre p99', d.p99, '#d62728'), ds('POST→202 p99', d.post99, '#1f77b4'), ds('Azurite probe read, max', d.probe, '#8c564b', { borderDash: [4, 3] })] },
              options: { plugins: { title: { display: true, text: 'latency of the cases sent in each second (ms, log)' } }, scales: { x, y: { type: 'logarithmic', title: { display: true, text: 'ms' } } } } });
            new Chart(c, { type: 'line', data: { labels: d.labels, datasets: [ds('silo', d.silo, '#9467bd'), ds('gateway', d.gw, '#ff7f0e'), ds('azurite', d.az, '#8c564b'), ds('bench (generator + clients)', d.bench, '#7f7f7f')] },
              options: { plugins: { title: { display: true, text: 'CPU % of one core' } }, scales: { x, y: { beginAtZero: true } } } });
            </script></body></html>
            """;
        await File.WriteAllTextAsync(html, page);
        try
        {
            await SystemUnderTest.RunToEndAsync(chromium, $"--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 --screenshot={png} --window-size=1200,900 file://{html}");
            return File.Exists(png);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"    (no chart: {e.Message.Split('\n')[0]})");
            return false;
        }
    }
}
