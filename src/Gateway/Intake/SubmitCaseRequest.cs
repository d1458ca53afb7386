using Gongzhi.Cases;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// A resident's submission as the API takes it (<c>POST /api/v1/cases</c>). <see cref="Photos"/> lists up to 3 references
/// <c>POST /api/v1/photos</c> answered for this <see cref="ClientRequestId"/> (read by <see cref="SubmissionPhotos"/>).
/// </summary>
public sealed record SubmitCaseRequest(
    string CommunityId,
    CaseKind Kind,
    string Category,
    string Description,
    CaseLocation Location,
    ContactInfo Contact,
    string? ClientRequestId,
    IReadOnlyList<string>? Photos = null);
