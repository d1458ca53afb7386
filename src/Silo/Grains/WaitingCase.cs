namespace Gongzhi.Silo.Grains;

/// <summary>An accepted case that found nobody on duty for its category.</summary>
public sealed record WaitingCase(string CaseId, string Category);
