using System.Net;
using System.Net.Sockets;

namespace Gongzhi.Testing;

/// <summary>
/// Ports nobody listens on right now, on 127.0.0.1, for a process a test starts a moment later. They are taken below
/// the operating system's ephemeral range: a port from that range (as binding port 0 gives) can be handed to any
/// outgoing connection before the process binds it — CI saw a silo fail to start with "Address already in use".
/// No port is handed out twice by one test process.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 15000;

    private static readonly int EphemeralStart = ReadEphemeralStart();
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000 && EphemeralStart - Lowest > 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, EphemeralStart);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }

            // An unusual range: let the system choose, as before.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var chosen = ((IPEndPoint)listener.LocalEndpoint).Port;
            Given.Add(chosen);
            return chosen;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Linux says where its ephemeral ports start; elsewhere, the IANA dynamic range's start.
    private static int ReadEphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 49152;
    }
}
