namespace Gongzhi.Gateway.Views;

/// <summary>A resident's confirmation (consent, led through, receipt), with an optional comment.</summary>
public sealed record TrackStepRequest(string? Comment = null, int? ExpectedSeq = null);
