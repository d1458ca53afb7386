using Gongzhi.Cases;

namespace Gongzhi.Gateway.Intake;

/// <summary>A resident's submission as the API takes it (<c>POST /api/v1/cases</c>).</summary>
public sealed record SubmitCaseRequest(
    string CommunityId,
    CaseKind Kind,
    string Category,
    string Description,
    CaseLocation Location,
    ContactInfo Contact,
    string? ClientRequestId);
