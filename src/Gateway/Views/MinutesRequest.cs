namespace Gongzhi.Gateway.Views;

/// <summary>What the consultation said, and the resolution the linked cases are resolved with.</summary>
public sealed record MinutesRequest(string? Minutes, string? Resolution);
