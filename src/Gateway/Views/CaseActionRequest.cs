namespace Gongzhi.Gateway.Views;

/// <summary>
/// The body of an action on a case. Each action reads the fields it needs (and says which is missing);
/// <see cref="ExpectedSeq"/>, when sent, must be the case's latest seq or the action is refused with 409.
/// </summary>
public sealed record CaseActionRequest(
    int? ExpectedSeq = null,
    string? Note = null,
    string? Reason = null,
    string? Instructions = null,
    string? CadreId = null,
    string? Mode = null,
    string? IntoCaseId = null,
    string? PhotoUrl = null,
    DateTimeOffset? When = null,
    string? Where = null,
    string? Office = null);
