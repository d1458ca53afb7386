using Azure.Data.Tables;
using Azure.Storage.Blobs;
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
/// clock and reminders allowed to tick every second, so a test can restart silos and see deadlines still fire.
/// </summary>
public sealed class PersistentClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public AzuriteProcess Azurite { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        var storage = Azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAzureTableGrainStorage(StorageNames.Gongzhi, o =>
            {
                o.TableServiceClient = new TableServiceClient(storage);
                o.GrainStorageSerializer = SiloExtensions.CreateStateSerializer();
            });
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<DeadlineOptions>(o =>
            {
                o.ReminderPeriod = TimeSpan.FromSeconds(1);
                o.MaxReminderDelay = TimeSpan.FromSeconds(1);
            });
            silo.Services.AddSingleton(new BlobServiceClient(storage));
            silo.Services.AddSingleton<ICaseArchive, BlobCaseArchive>();
            silo.Services.Configure<ArchiveOptions>(o =>
            {
                o.MaxEventsInRow = 10;
                o.KeepInRow = 4;
            });
            silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Domain, Time);
            silo.Services.AddGongzhiSiloServices();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

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
