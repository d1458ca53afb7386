using Gongzhi.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Gongzhi.Silo.Tests;

/// <summary>What a test cluster's silo stores in, for tests that read or plant rows as the grains see them.</summary>
internal static class ClusterStorage
{
    /// <summary>The first silo's provider for Gongzhi's grain state (<see cref="StorageNames.Gongzhi"/>).</summary>
    public static IGrainStorage GrainStorage(this InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Gongzhi);
}
