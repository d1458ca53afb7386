namespace Gongzhi.Silo.Grains;

/// <summary>An accepted case that found nobody eligible on duty; the cadres who passed it over are not asked again.</summary>
public sealed record WaitingCase(string CaseId, string Category, IReadOnlyList<string> PassedOver);
