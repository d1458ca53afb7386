namespace Gongzhi.Gateway.Views;

/// <summary>The world an admin manages: every community with its roster and standing parties, and each county's catalog.</summary>
public sealed record AdminWorldView(IReadOnlyList<AdminCommunityView> Communities, IReadOnlyList<AdminCatalogView> Counties);
