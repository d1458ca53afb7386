using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests;

/// <summary>What configuration chooses for the silo's storage and hosting; nothing here runs a silo.</summary>
public sealed class GrainStorageChoiceTests
{
    [Fact]
    public void Grain_state_goes_through_our_table_provider_unless_configuration_chooses_orleans_own()
    {
        Assert.IsType<GrainTableStorage>(GrainStorage([]));
        Assert.IsType<GrainTableStorage>(GrainStorage(new() { ["Orleans:GrainStorage"] = "Gongzhi" }));
        Assert.IsType<AzureTableRows>(GrainStorage(new() { ["Orleans:GrainStorage"] = "AzureTable" }));
    }

    [Fact]
    public void Orleans_own_provider_is_configured_with_its_own_table_our_serializer_and_deletion_on_clear()
    {
        var services = Silo(new() { ["Orleans:GrainStorage"] = "AzureTable" });
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AzureTableStorageOptions>>().Get(AzureTableRows.InnerName);

        Assert.Equal(StorageNames.OrleansGrainTable, options.TableName);
        Assert.True(options.DeleteStateOnClear);
        Assert.IsType<SystemTextJsonGrainStorageSerializer>(options.GrainStorageSerializer);
    }

    [Fact]
    public void Orleans_kubernetes_hosting_watches_the_silo_pods_only_when_configuration_says_it_runs_there()
    {
        static bool Watches(IServiceCollection services) => services.Any(d => d.ImplementationType?.Name == "KubernetesClusterAgent");

        Assert.False(Watches(Silo([])));
        Assert.True(Watches(Silo(new() { ["Orleans:Kubernetes"] = "true" })));
    }

    private static IGrainStorage GrainStorage(Dictionary<string, string?> settings)
    {
        using var provider = Silo(settings).BuildServiceProvider();
        return provider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Gongzhi);
    }

    private static IServiceCollection Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGongzhiSilo();
        return builder.Services;
    }
}
