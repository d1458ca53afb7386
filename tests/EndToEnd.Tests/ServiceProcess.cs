using System.Collections.Concurrent;
using System.Diagnostics;
using Gongzhi.Testing;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>A silo or gateway run as its own process from the built output, as run.sh runs it; its output kept for diagnosis.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote.</summary>
    public string Tail => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <summary>Starts <c>src/{project}/bin/Debug/net10.0/Gongzhi.{project}.dll</c> in its project folder.</summary>
    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string> environment)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", project);
        var dll = Path.Combine(folder, "bin", "Debug", "net10.0", $"Gongzhi.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; run `dotnet build Gongzhi.slnx` (test.sh does).");
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServiceProcess(project, Process.Start(start) ?? throw new InvalidOperationException($"Could not start {project}."));
    }

    /// <summary>Ends the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500)
        {
            _output.TryDequeue(out _);
        }
    }
}
