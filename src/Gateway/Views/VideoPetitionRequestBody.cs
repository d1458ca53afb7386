namespace Gongzhi.Gateway.Views;

/// <summary>
/// Asking for a video meeting about a case: what to raise and, optionally, times that suit (ISO 8601 with
/// offset). A resident sends their <see cref="TrackingToken"/>; the assigned cadre sends their staff token instead.
/// </summary>
public sealed record VideoPetitionRequestBody(string? Note, string[]? Slots = null, string? TrackingToken = null);
