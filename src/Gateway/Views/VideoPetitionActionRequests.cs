namespace Gongzhi.Gateway.Views;

// The bodies of the steps on a video petition, one per route.

/// <summary>An official of the petition's level schedules the meeting (ISO 8601 with an offset).</summary>
public sealed record AcceptVideoPetitionRequest(string? Slot = null);

/// <summary>The official who held the meeting records what came of it.</summary>
public sealed record VideoPetitionOutcomeRequest(string? Outcome = null);

/// <summary>Calling the petition off: the resident sends the case's tracking token, staff their bearer token.</summary>
public sealed record CancelVideoPetitionRequest(string? Reason = null, string? TrackingToken = null);
