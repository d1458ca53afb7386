using System.Diagnostics;
using System.Text.Json;
using Gongzhi.Cases;

namespace Gongzhi.Simulation;

/// <summary>The report's PNG: Chart.js drawn by headless Chromium (as the load bench draws its charts), no native drawing libraries.</summary>
public static class ReportChart
{
    public static async Task<bool> RenderAsync(IReadOnlyList<(SimulationRun Run, PolicyFigures Figures)> runs, string png)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        var chartJs = Environment.GetEnvironmentVariable("CHARTJS_PATH") is { Length: > 0 } j ? j
            : Path.Combine(Path.GetDirectoryName(SimulationRunner.SeedsPath())!, "node_modules", "chart.js", "dist", "chart.umd.js");
        if (!File.Exists(chromium) || !File.Exists(chartJs))
        {
            Console.WriteLine($"(no chart: needs {chromium} and {chartJs}; npm ci installs the latter, or set CHARTJS_PATH)");
            return false;
        }

        static double R(double v) => double.IsNaN(v) ? 0 : Math.Round(v * 100, 1);
        var first = runs[0].Run;
        var data = JsonSerializer.Serialize(new
        {
            days = first.Backlog.Select(b => Math.Round((b.At - first.Start).TotalDays, 2)),
            policies = runs.Select(r => new
            {
                name = r.Run.Policy,
                unresolved = r.Run.Backlog.Select(b => b.Unresolved),
                waiting = r.Run.Backlog.Select(b => b.Waiting),
                rates = new[] { R(r.Figures.AcknowledgedOnTime), R(r.Figures.ResolvedOnTime), R(r.Figures.ResolvedAtLevel[CaseLevel.Community]), R(r.Figures.ReopenRate) },
            }),
        });
        var html = Path.Combine(Path.GetTempPath(), $"gongzhi-sim-{Environment.ProcessId}.html");
        await File.WriteAllTextAsync(html, $$"""
            <!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font-family:sans-serif;background:#fff}div{height:290px;padding:4px 16px}</style>
            <script>{{await File.ReadAllTextAsync(chartJs)}}</script></head><body>
            <div><canvas id="a"></canvas></div><div><canvas id="b"></canvas></div><div><canvas id="c"></canvas></div>
            <script>
            const d = {{data}}, colors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
            Chart.defaults.animation = false; Chart.defaults.maintainAspectRatio = false;
            const line = (key) => d.policies.map((p, i) => ({ label: p.name, data: p[key], borderColor: colors[i], backgroundColor: colors[i], pointRadius: 0, borderWidth: 1.5 }));
            const x = { type: 'linear', title: { display: true, text: 'days since the start (Monday 16 November, local midnight)' } };
            new Chart(a, { type: 'line', data: { labels: d.days, datasets: line('unresolved') }, options: { plugins: { title: { display: true, text: 'backlog: unresolved cases, hourly' } }, scales: { x, y: { beginAtZero: true } } } });
            new Chart(b, { type: 'line', data: { labels: d.days, datasets: line('waiting') }, options: { plugins: { title: { display: true, text: 'of them waiting for a cadre (nobody eligible on duty, or all full)' } }, scales: { x, y: { beginAtZero: true } } } });
            new Chart(c, { type: 'bar', data: { labels: ['acknowledged on time', 'resolved on time', 'resolved in the community', 'reopened'],
              datasets: d.policies.map((p, i) => ({ label: p.name, data: p.rates, backgroundColor: colors[i] })) },
              options: { plugins: { title: { display: true, text: 'per policy, % (targets: resolved on time ≥ 95, in the community ≥ 80)' } }, scales: { y: { beginAtZero: true, max: 100 } } } });
            </script></body></html>
            """);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(chromium,
                $"--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 --screenshot={png} --window-size=1200,900 file://{html}")
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
            return process.ExitCode == 0 && File.Exists(png);
        }
        finally
        {
            File.Delete(html);
        }
    }
}
