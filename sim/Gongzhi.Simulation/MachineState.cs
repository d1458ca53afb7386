namespace Gongzhi.Simulation;

/// <summary>The machine's state for the report: the load averages at the start of the process and now.</summary>
public static class MachineState
{
    private static string _atStart = "unknown";

    public static void Begin() => _atStart = Now();

    public static string LoadAverage() => $"{_atStart} / {Now()}";

    private static string Now() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
