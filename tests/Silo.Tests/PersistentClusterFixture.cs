using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Archive;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Storage;
using Gongzhi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// A silo whose grain state and reminders live in Azure Table storage (a private Azurite), with a fake
/// clock and the deadline watch looking often, so a test can restart silos and see what was stored come back.
/// </summary>
public class PersistentClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public AzuriteProcess Azurite { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The grain storage provider under test (<c>Orleans:GrainStorage</c>).</summary>
    protected virtual GrainStorageProvider Provider => GrainStorageProvider.Gongzhi;

    /// <summary>Anything a fixture adds to the silo, after the silo's own services (a dispatch policy, say).</summary>
    protected virtual void Configure(ISiloBuilder silo)
    {
    }

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        var storage = Azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGongzhiGrainStorage(new TableServiceClient(storage), Provider);
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<DeadlineOptions>(o => o.CheckPeriod = TimeSpan.FromMilliseconds(200));
            silo.Services.AddSingleton(new BlobServiceClient(storage));
            silo.Services.AddSingleton<ICaseArchive, BlobCaseArchive>();
            silo.Services.Configure<ArchiveOptions>(o =>
            {
                o.MaxEventsInRow = 10;
                o.KeepInRow = 4;
            });
            silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Domain, Time);
            silo.Services.AddGongzhiSiloServices();
            Configure(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Restarts every silo (new addresses, nothing kept in memory) and waits until the client reaches the cluster again.</summary>
    public async Task RestartAsync()
    {
        var before = Cluster.Silos.Select(s => s.SiloAddress).ToArray();
        foreach (var silo in Cluster.Silos.ToArray())
        {
            await Cluster.RestartSiloAsync(silo);
        }

        if (Cluster.Silos.Select(s => s.SiloAddress).Intersect(before).Any())
        {
            throw new InvalidOperationException("A silo kept its address across the restart.");
        }

        // The client finds the restarted silo by itself; until it has, calls fail fast.
        await Eventually.HoldsAsync(async () =>
        {
            await Client.GetGrain<ICommunityGrain>("probe").GetInfoAsync();
            return true;
        }, "the client reaches the restarted cluster");
    }

    /// <summary>The deadline watch ticks in real time and reads the fake clock: asks until the case shows the change.</summary>
    public Task<CaseSnapshot> WaitForAsync(string caseId, Func<CaseSnapshot, bool> condition) => Client.CaseWhenAsync(caseId, condition);

    public async Task DisposeAsync()
    {
        try
        {
            await Cluster.DisposeAsync();
        }
        finally
        {
            await Azurite.DisposeAsync();
        }
    }
}
