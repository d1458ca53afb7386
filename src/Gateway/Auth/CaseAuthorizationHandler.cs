using System.Security.Claims;
using Gongzhi.Cases;

namespace Gongzhi.Gateway.Auth;

/// <summary>Who may do what to a case (<see cref="StaffOperations"/>); the case grain still checks its own state and assignee.</summary>
public sealed class CaseAuthorizationHandler : StaffOperationHandler<CaseAccess>
{
    protected override bool Allows(ClaimsPrincipal user, string operation, CaseAccess resource)
    {
        var (snapshot, community) = resource;
        var dispatches = community is not null && user.DispatchesFor(community.Place());
        var atCommunity = snapshot.Level == CaseLevel.Community;
        return operation switch
        {
            nameof(StaffOperations.SeeCase) => user.MaySee(snapshot, community),

            // Assigning, changing mode and merging belong to the dispatchers of the case's community.
            nameof(StaffOperations.DispatchCase) => dispatches,

            // A cadre's resolution is the grain's to judge (it knows the assignee); an official resolves only above the community.
            nameof(StaffOperations.ResolveCase) => user.Role() == StaffRoles.Cadre || (!atCommunity && user.OwnsLevel(snapshot)),
            nameof(StaffOperations.EscalateCase) => user.IsAssignedCadre(snapshot) || (atCommunity && dispatches) || user.OwnsLevel(snapshot),
            nameof(StaffOperations.ReturnCase) => !atCommunity && user.OwnsLevel(snapshot),
            nameof(StaffOperations.AttachPhoto) => user.IsAssignedCadre(snapshot) || (!atCommunity && user.OwnsLevel(snapshot)),
            nameof(StaffOperations.AskForVideoPetition) => user.IsAssignedCadre(snapshot),
            _ => false,
        };
    }
}
