using System.Diagnostics;
using System.Net.Sockets;

namespace Gongzhi.Testing;

/// <summary>
/// A private Azurite for one test fixture: the project's pinned npm copy, on free ports of 127.0.0.1,
/// holding its data in memory; stopped on dispose. Its one account has a random key (AZURITE_ACCOUNTS), as
/// run.sh's has, so a process in Production accepts it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountName = "gongzhitests";

    private readonly Process _process;

    private AzuriteProcess(Process process, string accountKey, int blob, int queue, int table)
    {
        _process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={accountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{AccountName};QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{table}/{AccountName};";
    }

    private int _disposed;

    public string ConnectionString { get; }

    /// <summary>Starts Azurite, trying fresh ports again if another process took one between choosing and binding it.</summary>
    public static async Task<AzuriteProcess> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync();
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Ports are picked free but bound later; a clash shows as an early exit.
            }
        }
    }

    private static async Task<AzuriteProcess> StartOnceAsync()
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}; run `npm ci` (test.sh does).");
        }

        int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var accountKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        start.Environment["AZURITE_ACCOUNTS"] = $"{AccountName}:{accountKey}";
        foreach (var arg in new[]
                 {
                     azurite, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence",
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new AzuriteProcess(process, accountKey, blob, queue, table);
        try
        {
            foreach (var port in new[] { blob, queue, table })
            {
                await WaitForPortAsync(process, port);
            }
        }
        catch (InvalidOperationException ex)
        {
            await instance.DisposeAsync();
            throw new InvalidOperationException($"{ex.Message} {string.Join(" | ", output)}", ex);
        }

        return instance;
    }

    /// <summary>Stops Azurite; a second call does nothing (a test may stop it early to see storage gone).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Asks until Azurite listens on the port (connecting fails before) or has exited.
    private static async Task WaitForPortAsync(Process process, int port)
    {
        var exited = await Eventually.GetAsync(async () =>
        {
            if (process.HasExited)
            {
                return true;
            }

            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return false;
        }, _ => true, $"Azurite listens on port {port}", within: TimeSpan.FromSeconds(60));
        if (exited)
        {
            throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
        }
    }
}
