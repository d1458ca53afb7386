using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Gongzhi.Domain;
using Gongzhi.Hosting;
using Gongzhi.Silo.Archive;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Intake;
using Gongzhi.Silo.Seeding;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Telemetry;
using Gongzhi.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Gongzhi.Silo.Extensions;

/// <summary>Wires the silo: Orleans on Azure Storage (clustering, grain state, reminders), the intake worker, the seeds.</summary>
public static class SiloExtensions
{
    // Orleans' LRU cache refuses a capacity under 3.
    private const int MinimumDirectoryCacheSize = 3;

    public static IHostApplicationBuilder AddGongzhiSilo(this IHostApplicationBuilder builder)
    {
        StartupSecrets.Check(builder.Configuration, builder.Environment);
        builder.AddSiloTelemetry();
        var storage = StorageAccount.From(builder.Configuration, builder.Environment);
        var cluster = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        var counter = StorageRequestCounter.AddIfLogged(builder.Services, builder.Configuration);
        TableServiceClient Tables() => storage.Tables(StorageRequestCounter.Counted(new TableClientOptions(), counter, "table"));

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            var loopback = cluster.AdvertisedIPAddress != "auto";
            var advertised = loopback
                ? IPAddress.Parse(cluster.AdvertisedIPAddress)
                : Dns.GetHostAddresses(Dns.GetHostName()).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
            silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !loopback);
            silo.UseAzureStorageClustering(o => o.TableServiceClient = Tables());
            silo.AddGongzhiGrainStorage(Tables(), cluster.GrainStorage);
            silo.UseAzureTableReminderService(o => o.TableServiceClient = Tables());
            if (cluster.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }
        });

        builder.Services.AddGongzhiSiloServices();
        builder.Services.AddSingleton(storage.Queues(StorageRequestCounter.Counted(new QueueClientOptions(), counter, "queue")));
        builder.Services.AddSingleton(storage.Blobs(StorageRequestCounter.Counted(new BlobClientOptions(), counter, "blob")));
        builder.Services.AddSingleton<ICaseArchive, BlobCaseArchive>();
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section)
            .Validate(o => o.KeepInRow >= 1 && o.MaxEventsInRow > o.KeepInRow, "Archive:MaxEventsInRow must exceed Archive:KeepInRow, which must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section)
            .Validate(o => o.MaxMessageAge > TimeSpan.Zero && o.VisibilityTimeout >= TimeSpan.FromSeconds(3) && o.BatchSize is >= 1 and <= 32 && o.MaxMessagesInFlight >= o.BatchSize
                    && !string.IsNullOrWhiteSpace(o.QueueName) && !string.IsNullOrWhiteSpace(o.PoisonQueueName),
                "Intake needs queue names, a positive MaxMessageAge, a VisibilityTimeout of at least 3 s, BatchSize between 1 and 32 and MaxMessagesInFlight >= BatchSize.")
            .ValidateOnStart();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        builder.Services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section)
            .Validate(o => DispatchPolicies.Find(o.Policy) is not null, $"Dispatch:Policy must be one of {string.Join(", ", DispatchPolicies.Names)}.")
            .ValidateOnStart();
        // Orleans' idle grain collection stays at its defaults unless a deployment sets Orleans:GrainCollection (the bench's s4 does).
        builder.Services.Configure<GrainCollectionOptions>(builder.Configuration.GetSection(OrleansHostOptions.Section + ":GrainCollection"));
        // Orleans sizes its directory cache for 1,000,000 grains up front (~19 MB of buckets) and keeps an entry per
        // activation, local ones too (~250 bytes each). A miss asks the directory: in this silo when it is alone, one
        // hop away with several. (Not under Orleans:GrainDirectory, where Orleans looks for directory providers.)
        // 0 turns the cache off: Orleans also builds an LRU of CacheSize for directories other than its own, which
        // needs room for 3 (it stays empty unless a grain type names another directory).
        builder.Services.Configure<GrainDirectoryOptions>(o =>
        {
            o.CacheSize = Math.Max(cluster.GrainDirectoryCacheSize, MinimumDirectoryCacheSize);
            if (cluster.GrainDirectoryCacheSize <= 0)
            {
                o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None;
            }
        });
        builder.Services.AddHostedService<SeedLoader>();
        builder.Services.AddHostedService<IntakeWorker>();
        builder.AddSiloMetricsExport();
        return builder;
    }

    /// <summary>
    /// Our grain state as <see cref="StorageNames.Gongzhi"/>: in table <see cref="StorageNames.GrainTable"/> through
    /// <see cref="GrainTableStorage"/>, or in <see cref="StorageNames.OrleansGrainTable"/> through Orleans' own (<see cref="AzureTableRows"/>).
    /// </summary>
    public static ISiloBuilder AddGongzhiGrainStorage(this ISiloBuilder silo, TableServiceClient tables, GrainStorageProvider provider = GrainStorageProvider.Gongzhi)
    {
        if (provider == GrainStorageProvider.AzureTable)
        {
            return AzureTableRows.Add(silo, tables);
        }

        silo.Services.AddGrainStorage(StorageNames.Gongzhi, (_, _) => new GrainTableStorage(tables, StorageNames.GrainTable, CreateStateSerializer()));
        return silo;
    }

    /// <summary>What every silo needs besides its storage: its clocks (see <see cref="Clocks"/>) and the intake worker's wake-up.</summary>
    public static IServiceCollection AddGongzhiSiloServices(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddSingleton<IntakeSignal>();
        services.AddSingleton<GrainStates>();
        services.AddSingleton<GrainReferences>();
        services.AddSingleton<CaseGrainServices>();
        // The policy configuration names (Dispatch:Policy), the default when none is named.
        services.TryAddSingleton<IDispatchPolicy>(sp =>
            DispatchPolicies.Find(sp.GetService<IOptions<DispatchOptions>>()?.Value.Policy) ?? DispatchPolicies.Find(DispatchOptions.DefaultPolicy)!);
        services.AddSiloMetrics();
        return services;
    }

    /// <summary>System.Text.Json for our own state, set on our provider only: the global switch breaks Orleans' streaming PubSubStore.</summary>
    public static IGrainStorageSerializer CreateStateSerializer()
    {
        var options = new SystemTextJsonGrainStorageSerializerOptions();
        options.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.JsonSerializerOptions.Encoder = StoredText.Encoder;
        return new SystemTextJsonGrainStorageSerializer(Options.Create(options));
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        foreach (var key in new[] { Clocks.Domain, Clocks.Liveness })
        {
            if (!services.Any(d => d.ServiceType == typeof(TimeProvider) && d.IsKeyedService && Equals(d.ServiceKey, key)))
            {
                services.AddKeyedSingleton(key, TimeProvider.System);
            }
        }
    }
}
