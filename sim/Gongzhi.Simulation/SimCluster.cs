using Gongzhi.Communities;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Seeding;
using Gongzhi.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Gongzhi.Simulation;

/// <summary>
/// One in-process silo for one policy's month: memory storage and reminders, the domain clock on a
/// <see cref="FakeTimeProvider"/> the simulation moves, and the seeded world (catalog, Ximen, its roster).
/// </summary>
public sealed class SimCluster : IAsyncDisposable
{
    private const string InnerStorage = "memory";

    private SimCluster(InProcessTestCluster cluster, FakeTimeProvider clock, CommunityDefinition ximen)
    {
        Cluster = cluster;
        Clock = clock;
        Ximen = ximen;
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public FakeTimeProvider Clock { get; }

    public CommunityDefinition Ximen { get; }

    public static async Task<SimCluster> StartAsync(string seedsPath, string policy, DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(InnerStorage, o => o.GrainStorageSerializer = SiloExtensions.CreateStateSerializer());
            silo.Services.AddGrainStorage(StorageNames.Gongzhi, (sp, _) => sp.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(InnerStorage));
            silo.UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Domain, clock);
            silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Liveness, clock);
            silo.Services.Configure<DispatchOptions>(o => o.Policy = policy);
            // The community's watch ticks on a real-time timer; the simulation applies every deadline at its virtual instant instead, so a run repeats.
            silo.Services.Configure<DeadlineOptions>(o => o.CheckPeriod = TimeSpan.FromDays(1));
            silo.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            silo.Services.AddGongzhiSiloServices();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();

        var ximen = SeedLoader.Read(seedsPath).Single(d => d.Info.Id == "ximen");
        var catalog = await cluster.Client.GetGrain<ICountyCatalogGrain>(ximen.Info.CountyId).SeedAsync(ximen.Info.Categories, ximen.Info.SlaClasses);
        ximen = ximen with { Info = ximen.Info with { Categories = catalog.Categories, SlaClasses = catalog.SlaClasses } };
        await cluster.Client.GetGrain<ICommunityGrain>(ximen.Info.Id).ConfigureAsync(ximen);
        await cluster.Client.GetGrain<ICommunityDirectoryGrain>(0).RegisterAsync(new CommunityPlace(ximen.Info.Id, ximen.Info.SubdistrictId, ximen.Info.CountyId));
        return new SimCluster(cluster, clock, ximen);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
