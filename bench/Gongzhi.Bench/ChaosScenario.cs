namespace Gongzhi.Bench;

/// <summary>Scenario chaos: starts the cluster, runs <see cref="Chaos"/>, audits, reports. Exit 3 when anything was lost or doubled.</summary>
public static class ChaosScenario
{
    public static async Task<int> RunAsync(Options o, string root, string stamp, string work, BenchWorld world, CancellationToken ct)
    {
        var kills = o.KillEvery <= 0 ? 0 : (int)Math.Ceiling((o.Seconds - o.DownSeconds) / (double)o.KillEvery) - 1;
        Console.WriteLine($"==> scenario chaos: {o.Rate}/s submissions and {o.StaffRate}/s staff actions for {o.Seconds} s, a SIGKILL every {o.KillEvery} s " +
            $"(~{kills} kills), down {o.DownSeconds} s; world {world.Communities.Count} communities × {o.CadresPerCommunity} cadres; logs in {work}");
        var machineBefore = ChaosReport.MachineState();
        var sut = new SystemUnderTest { Root = root, WorkDir = work, World = world };
        return await sut.RunAsync(async () =>
        {
            if (o.Build)
            {
                await sut.BuildAsync();
            }
            var cluster = new ChaosCluster(sut, world, silos: 2, gateways: 2);
            Console.WriteLine($"==> Azurite (data in {cluster.AzuriteData}), 2 silos, gateways {string.Join(" ", cluster.Gateways.Select(g => g.ToString()))}");
            await cluster.StartAllAsync(ct);
            using var chaos = new Chaos(o, cluster, world);
            await chaos.PrepareTokensAsync(ct);
            await chaos.RunAsync(ct);
            if (o.FinalRestart)
            {
                // A rolling restart (TERM, one silo at a time) so the audit reads every case from storage, not
                // from an activation that outlived a lost write (an Azurite kill drops its last unsaved seconds).
                Console.WriteLine("==> rolling restart of the silos, so the audit reads what storage kept");
                foreach (var silo in cluster.Names.Where(n => n.StartsWith("silo-", StringComparison.Ordinal)))
                {
                    await sut.StopAsync(cluster.Pid(silo));
                    await cluster.StartAsync(silo, ct);
                    await Task.Delay(5000, ct);
                }
                await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(180), ct);
            }
            var audit = await chaos.AuditAsync(ct);
            var machineAfter = ChaosReport.MachineState();
            var report = await ChaosReport.WriteAsync(root, o, stamp, chaos, audit, machineBefore, machineAfter, work);
            Console.WriteLine();
            Console.WriteLine(ChaosReport.Summary(chaos, audit, machineAfter));
            Console.WriteLine($"==> report: {report}");
            // Gateways, then silos (they deregister from the membership table), then Azurite.
            foreach (var name in cluster.Names.Reverse())
            {
                await sut.StopAsync(cluster.Pid(name));
            }
            return audit.Lost.Count > 0 || audit.Doubled > 0 || audit.MissingFromList.Count > 0 || audit.MissingActions.Count > 0 ? 3 : 0;
        }, ct);
    }
}
