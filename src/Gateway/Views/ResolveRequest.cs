namespace Gongzhi.Gateway.Views;

/// <summary>What the cadre did, for the resident to read.</summary>
public sealed record ResolveRequest(string? Note);
