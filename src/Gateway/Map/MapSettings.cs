namespace Gongzhi.Gateway.Map;

/// <summary>What the map pages read at start: the tile source, if the deployment has one (both null otherwise).</summary>
public sealed record MapSettings(string? TileUrl, string? TileAttribution);
