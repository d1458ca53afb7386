namespace Gongzhi.Silo.Extensions;

/// <summary>Where this silo sits in the cluster. Defaults run one local silo.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "gongzhi-dev";

    public string ServiceId { get; set; } = "gongzhi";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on; "auto" resolves the host name (containers).</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>How many grains' directory entries the silo keeps at hand (Orleans' own default is 1,000,000); 0 keeps none.</summary>
    public int GrainDirectoryCacheSize { get; set; } = 20_000;

    /// <summary>Which provider keeps grain state (<see cref="GrainStorageProvider"/>); ours unless a deployment chooses Orleans' own.</summary>
    public GrainStorageProvider GrainStorage { get; set; } = GrainStorageProvider.Gongzhi;

    /// <summary>Runs under Kubernetes: Orleans then watches the silo pods and removes dead silos from membership at once.</summary>
    public bool Kubernetes { get; set; }
}
