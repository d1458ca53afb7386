namespace Gongzhi.Gateway.Views;

// The bodies of the actions on a case, one per route, each with the fields its route reads. ExpectedSeq, when sent,
// must be the case's latest seq or the action is refused with 409 (code stale-seq) and changes nothing.

/// <summary>The assigned cadre takes the case.</summary>
public sealed record AcknowledgeRequest(int? ExpectedSeq = null);

/// <summary>The assigned cadre gives the case back before acknowledging it, saying why.</summary>
public sealed record DeclineRequest(string? Reason = null, int? ExpectedSeq = null);

/// <summary>
/// What was done, for the resident to read, with up to 3 photos of it: the URLs <c>POST /cases/{caseId}/photos</c> answered
/// (<see cref="Photos"/>), or the one URL a client of before issue 14 sends as <see cref="PhotoUrl"/>.
/// </summary>
public sealed record ResolveRequest(string? Note = null, string? PhotoUrl = null, int? ExpectedSeq = null, IReadOnlyList<string?>? Photos = null);

/// <summary>领着办: when and where the cadre will meet the resident, and for which office or procedure.</summary>
public sealed record AccompanimentRequest(DateTimeOffset? When = null, string? Where = null, string? Office = null, int? ExpectedSeq = null);

/// <summary>
/// A step of the case's handling mode (<c>start</c>, <c>consent</c>, <c>documents</c>, <c>result</c>): the four routes
/// are one action with the step in the path. The note is required for the 代为办 steps.
/// </summary>
public sealed record ModeStepRequest(string? Note = null, int? ExpectedSeq = null);

/// <summary>A dispatcher gives the case to a cadre of its community.</summary>
public sealed record AssignRequest(string? CadreId = null, int? ExpectedSeq = null);

/// <summary>A dispatcher changes how the case is handled: <c>doItNow</c>, <c>leadThrough</c> or <c>doForYou</c>.</summary>
public sealed record ChangeModeRequest(string? Mode = null, int? ExpectedSeq = null);

/// <summary>A dispatcher merges the case, a duplicate, into the primary case of the same community.</summary>
public sealed record MergeRequest(string? IntoCaseId = null, int? ExpectedSeq = null);

/// <summary>The case goes one level up, with why it cannot be settled at this one.</summary>
public sealed record EscalateRequest(string? Reason = null, int? ExpectedSeq = null);

/// <summary>The case goes one level down, with what the level below should do.</summary>
/// <summary>An official takes the case at their level; the body is optional.</summary>
public sealed record TakeRequest(int? ExpectedSeq = null);

public sealed record ReturnRequest(string? Instructions = null, int? ExpectedSeq = null);
