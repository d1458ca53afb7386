using Gongzhi.Consultations;

namespace Gongzhi.Gateway.Views;

/// <summary>A staff account's invitations, latest meeting first, and how many it has not opened yet.</summary>
public sealed record InvitationsView(int Unread, IReadOnlyList<InvitationEntry> Invitations)
{
    public static InvitationsView From(IReadOnlyList<InvitationEntry> invitations) =>
        new(invitations.Count(i => i.ReadAt is null), invitations);
}
