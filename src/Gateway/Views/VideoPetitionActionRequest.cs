namespace Gongzhi.Gateway.Views;

/// <summary>A step on a video petition; each step reads the fields it needs: accept a <see cref="Slot"/>, record an <see cref="Outcome"/>, cancel with a <see cref="Reason"/>.</summary>
public sealed record VideoPetitionActionRequest(string? Slot = null, string? Outcome = null, string? Reason = null, string? TrackingToken = null);
