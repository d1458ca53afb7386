namespace Gongzhi.Domain;

/// <summary>The little a duplicate check needs to know about an open case: what it is about, where, and when it came in.</summary>
public sealed record OpenCaseEntry(string CaseId, string Category, string Compound, string? Building, DateTimeOffset SubmittedAt);
