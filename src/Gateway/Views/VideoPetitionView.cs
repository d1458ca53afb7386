using Gongzhi.Cases;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Gateway.Views;

/// <summary>A video petition as its parties see it: no personal data, actors as ids and display names.</summary>
public sealed record VideoPetitionView(
    string PetitionId,
    string CaseId,
    string CommunityId,
    CaseLevel Level,
    string LevelOwnerId,
    string RequestedBy,
    string? RequestedByName,
    string Note,
    IReadOnlyList<DateTimeOffset> Slots,
    DateTimeOffset RequestedAt,
    VideoPetitionStatus Status,
    DateTimeOffset? ScheduledFor,
    string? Official,
    string? OfficialName,
    string? JoinLink,
    string? Outcome,
    DateTimeOffset? HeldAt,
    string? CancelledBy,
    string? CancelReason)
{
    public static VideoPetitionView From(VideoPetitionSnapshot p) =>
        new(p.PetitionId, p.CaseId, p.CommunityId, p.Level, p.LevelOwnerId, p.RequestedBy.Id, p.RequestedBy.Name, p.Note, p.Slots,
            p.RequestedAt, p.Status, p.ScheduledFor, p.Official?.Id, p.Official?.Name, p.JoinLink, p.Outcome, p.HeldAt,
            p.CancelledBy?.Id, p.CancelReason);
}
