using Gongzhi.Consultations;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a staff account's invitation inbox.</summary>
public sealed class InvitationInboxState
{
    public List<InvitationEntry> Invitations { get; set; } = [];
}
