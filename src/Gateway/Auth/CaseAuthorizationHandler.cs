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

            // The level holding the case acts: at the community its cadre (the grain judges which cadre and the mode's steps), above it an official of that level.
            nameof(StaffOperations.ResolveCase) => atCommunity ? user.Role() == StaffRoles.Cadre : user.OwnsLevel(snapshot),
            nameof(StaffOperations.EscalateCase) => atCommunity ? user.IsAssignedCadre(snapshot) || dispatches : user.OwnsLevel(snapshot),
            // An official of the level holding the case takes it; at the community the case grain refuses it (the cadre acknowledges there).
            nameof(StaffOperations.TakeCase) => user.OwnsLevel(snapshot),
            nameof(StaffOperations.ReturnCase) => !atCommunity && user.OwnsLevel(snapshot),
            nameof(StaffOperations.AttachPhoto) => atCommunity ? user.IsAssignedCadre(snapshot) : user.OwnsLevel(snapshot),
            nameof(StaffOperations.AskForVideoPetition) => user.IsAssignedCadre(snapshot),
            _ => false,
        };
    }
}
