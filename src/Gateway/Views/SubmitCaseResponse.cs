namespace Gongzhi.Gateway.Views;

/// <summary>The answer to an accepted submission: where the resident follows it.</summary>
public sealed record SubmitCaseResponse(string CaseId, string TrackingToken, string TrackUrl);
