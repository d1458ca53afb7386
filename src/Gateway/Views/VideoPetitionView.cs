using Gongzhi.Cases;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Gateway.Views;

/// <summary>A video petition as its parties see it: no personal data; actors as ids and display names for staff, by role for the resident.</summary>
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

    /// <summary>As the resident reads it by tracking token: actors by role, a cadre by display name, no staff account id.</summary>
    public static VideoPetitionView ForResident(VideoPetitionSnapshot p)
    {
        var (requestedBy, requestedByName) = ResidentEvents.Actor(p.RequestedBy.Id, p.RequestedBy.Name);
        var official = p.Official is { } o ? ResidentEvents.Actor(o.Id, o.Name) : default;
        return From(p) with
        {
            RequestedBy = requestedBy,
            RequestedByName = requestedByName,
            Official = official.Role,
            OfficialName = official.Name,
            CancelledBy = p.CancelledBy is { } c ? ResidentEvents.Actor(c.Id, c.Name).Role : null,
        };
    }
}
