using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>A case as staff see it: contact details included, the phone number masked until revealed (<see cref="MaskedPhone"/>).</summary>
public sealed record CaseView(
    string CaseId,
    string CommunityId,
    CaseKind Kind,
    string Category,
    string Description,
    CaseLocation Location,
    ContactInfo Contact,
    CaseStatus Status,
    HandlingMode Mode,
    string? AssigneeId,
    string? Assignee,
    DateTimeOffset SubmittedAt,
    SatisfactionRating? Rating,
    CaseLevel Level,
    string LevelOwnerId,
    CaseDeadlines Deadlines,
    CaseLevel? ResolvedAtLevel,
    int ReopenCount,
    CaseClosure? Closure,
    string? MergedInto,
    IReadOnlyList<string> Followers,
    IReadOnlyList<string> PossibleDuplicates,
    IReadOnlyList<CaseEvent> Timeline)
{
    public static CaseView From(CaseSnapshot s) =>
        new(s.CaseId, s.CommunityId, s.Kind, s.Category, s.Description, s.Location, s.Contact.Masked(), s.Status, s.Mode,
            s.AssigneeId, s.AssigneeName, s.SubmittedAt, s.Rating, s.Level, s.LevelOwnerId, s.Deadlines, s.ResolvedAtLevel,
            s.ReopenCount, s.Closure, s.MergedInto, s.Followers, s.PossibleDuplicates, s.Timeline);
}
