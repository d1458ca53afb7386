namespace Gongzhi.Silo.Extensions;

/// <summary>Where this silo sits in the cluster. Defaults run one local silo.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    /// <summary>Grains whose directory entry a silo keeps at hand, unless Orleans:GrainDirectory:CacheSize says otherwise.</summary>
    public const int DirectoryCacheSize = 20_000;

    public string ClusterId { get; set; } = "gongzhi-dev";

    public string ServiceId { get; set; } = "gongzhi";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on; "auto" resolves the host name (containers).</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}
