namespace Gongzhi.Simulation;

/// <summary>One policy's run from scratch: a fresh silo, the seeded world, the same arrivals for the same seed.</summary>
public static class SimulationRunner
{
    public static async Task<SimulationRun> RunAsync(string policy, int seed, int days, SimulationParameters parameters, string? seedsPath = null)
    {
        await using var cluster = await SimCluster.StartAsync(seedsPath ?? SeedsPath(), policy, SimOptions.Start);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cluster.Ximen.Info.TimeZone);
        var end = SimOptions.Start.AddDays(days);
        var arrivals = new ArrivalModel(parameters, SimOptions.Start, zone, cluster.Ximen.Info.Compounds).Generate(seed, end);
        return await new Simulation(cluster, parameters, seed).RunAsync(arrivals, end, policy);
    }

    /// <summary>The repository's seeds/, found above the running program.</summary>
    public static string SeedsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongzhi.slnx")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new InvalidOperationException("Gongzhi.slnx not found above " + AppContext.BaseDirectory);
    }
}
