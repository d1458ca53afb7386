using Azure.Data.Tables;
using Azure.Storage.Queues;
using Gongzhi.Communities;
using Gongzhi.Intake;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Intake;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Tests.Faults;
using Gongzhi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// Three silos sharing one Azurite, as a county would run them: grain state and reminders in tables, and each silo
/// reading the intake queue with its own worker, with storage faults on demand. One per test, as its tests kill silos.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Faults to inject into every silo's grain storage, besides the kills.</summary>
    public StorageFaults Faults { get; } = new();

    public QueueClient Intake { get; private set; } = null!;

    public QueueClient Poison { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        var storage = Azurite.ConnectionString;
        var queues = new QueueServiceClient(storage);
        Intake = queues.GetQueueClient(IntakeMessage.QueueName);
        Poison = queues.GetQueueClient(IntakeMessage.PoisonQueueName);
        await Intake.CreateIfNotExistsAsync();
        await Poison.CreateIfNotExistsAsync();
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            var tables = new GrainTableStorage(new TableServiceClient(storage), StorageNames.GrainTable, SiloExtensions.CreateStateSerializer());
            silo.Services.AddGrainStorage(StorageNames.Gongzhi, (_, _) => new FaultInjectingStorage(tables, Faults));
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage));
            silo.Services.AddSingleton(queues);
            silo.Services.Configure<IntakeOptions>(o =>
            {
                o.RetryDelay = TimeSpan.FromMilliseconds(200);
                o.MaxRetryDelay = TimeSpan.FromSeconds(2);
                o.VisibilityTimeout = TimeSpan.FromSeconds(10);
            });
            silo.Services.AddHostedService<IntakeWorker>();
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

    /// <summary>Kills (no graceful stop) the silo that hosts the grain now.</summary>
    public async Task KillHostOfAsync(IAddressable grain)
    {
        var address = await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException("The grain is not active anywhere.");
        var silo = Cluster.Silos.Single(s => s.SiloAddress.Equals(address));
        await Cluster.KillSiloAsync(silo);
    }

    /// <summary>A community with <paramref name="cadres"/> heating cadres on duty.</summary>
    public async Task<(string Id, string[] Cadres)> NewCommunityAsync(int cadres)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        var roster = Enumerable.Range(0, cadres).Select(i => ClusterFixture.Cadre(ClusterFixture.UniqueCadreId($"cadre{i}"), true, "heating")).ToArray();
        await Client.GetGrain<ICommunityGrain>(id).ConfigureAsync(new CommunityDefinition(ClusterFixture.Info(id), roster));
        return (id, roster.Select(c => c.Id).ToArray());
    }
}
