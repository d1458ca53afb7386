using Gongzhi.Domain;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Gongzhi.Silo.Tests;

/// <summary>What a silo is configured with before it starts; nothing here runs a silo.</summary>
public sealed class SiloOptionsTests
{
    [Fact]
    public void The_directory_cache_is_sized_for_a_resident_silo_unless_configuration_says_otherwise()
    {
        Assert.Equal(new OrleansHostOptions().GrainDirectoryCacheSize, DirectoryOptions([]).CacheSize);
        Assert.Equal(500_000, DirectoryOptions(new() { ["Orleans:GrainDirectoryCacheSize"] = "500000" }).CacheSize);
    }

    [Fact]
    public void A_directory_cache_size_of_0_turns_the_cache_off_rather_than_failing_the_silo_at_start()
    {
        var options = DirectoryOptions(new() { ["Orleans:GrainDirectoryCacheSize"] = "0" });
        Assert.Equal(GrainDirectoryOptions.CachingStrategyType.None, options.CachingStrategy);
        Assert.True(options.CacheSize >= 3);
        Assert.Equal(GrainDirectoryOptions.CachingStrategyType.LRU, DirectoryOptions([]).CachingStrategy);
    }

    [Fact]
    public void By_default_the_silo_and_client_ports_listen_on_loopback_only()
    {
        var endpoints = Options<EndpointOptions>([]);

        Assert.Equal(System.Net.IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.True(endpoints.SiloListeningEndpoint is null || System.Net.IPAddress.IsLoopback(endpoints.SiloListeningEndpoint.Address));
        Assert.True(endpoints.GatewayListeningEndpoint is null || System.Net.IPAddress.IsLoopback(endpoints.GatewayListeningEndpoint.Address));
    }

    [Fact]
    public void A_private_address_is_listened_on_alone_and_auto_listens_on_every_interface()
    {
        var pinned = Options<EndpointOptions>(new() { ["Orleans:AdvertisedIPAddress"] = "10.1.2.3" });
        Assert.Equal(System.Net.IPAddress.Parse("10.1.2.3"), pinned.AdvertisedIPAddress);
        Assert.Null(pinned.SiloListeningEndpoint);

        var auto = Options<EndpointOptions>(new() { ["Orleans:AdvertisedIPAddress"] = "auto" });
        Assert.Equal(System.Net.IPAddress.Any, auto.SiloListeningEndpoint!.Address);
    }

    [Fact]
    public void The_dispatch_policy_is_fair_share_unless_configuration_names_another()
    {
        Assert.IsType<FairSharePolicy>(Service<IDispatchPolicy>([]));
        Assert.IsType<DispatchPolicy>(Service<IDispatchPolicy>(new() { ["Dispatch:Policy"] = "least-loaded" }));
        Assert.IsType<ShiftEndAwarePolicy>(Service<IDispatchPolicy>(new() { ["Dispatch:Policy"] = "shift-end-aware" }));
    }

    [Fact]
    public void An_unknown_dispatch_policy_is_refused_with_the_names_that_exist()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options<DispatchOptions>(new() { ["Dispatch:Policy"] = "nearest" }));
        Assert.Contains("least-loaded, shift-end-aware, specialist-first", refused.Message, StringComparison.Ordinal);
    }

    private static GrainDirectoryOptions DirectoryOptions(Dictionary<string, string?> settings) => Options<GrainDirectoryOptions>(settings);

    private static T Options<T>(Dictionary<string, string?> settings)
        where T : class => Service<IOptions<T>>(settings).Value;

    private static T Service<T>(Dictionary<string, string?> settings)
        where T : notnull
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGongzhiSilo();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<T>();
    }
}
