using System.Security.Claims;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// Staff on a video petition. The petition stays with the level it was asked of: that level's officials take it and
/// may call it off; whoever asked may call it off too; the official who took it records the outcome. A resident's
/// tracking token is checked by the route, not here.
/// </summary>
public sealed class VideoPetitionAuthorizationHandler : StaffOperationHandler<VideoPetitionAccess>
{
    protected override bool Allows(ClaimsPrincipal user, string operation, VideoPetitionAccess resource)
    {
        var petition = resource.Petition;
        var ofItsLevel = user.Watches(petition.LevelOwnerId);
        var asked = petition.RequestedBy.Id == user.Actor().Id;
        return operation switch
        {
            // Whoever asked, an official of the petition's level, or staff who may see the case.
            nameof(StaffOperations.SeeVideoPetition) => asked || ofItsLevel
                || (resource.Case is { } snapshot && user.MaySee(snapshot, resource.Community)),
            nameof(StaffOperations.AcceptVideoPetition) => ofItsLevel,

            // The official who held the meeting records it; before anyone took it, its level's officials hear why not.
            nameof(StaffOperations.RecordVideoPetitionOutcome) => user.Role() == StaffRoles.Admin
                || (petition.Official is { } official ? official.Id == user.Actor().Id : ofItsLevel),
            nameof(StaffOperations.CancelVideoPetition) => asked || ofItsLevel,

            // The live call is between the resident and the one official they were given: no other official of the level,
            // and no admin unless the admin accepted it (a third person watching a resident's call is not what they agreed to).
            nameof(StaffOperations.JoinVideoCall) => petition.Official is { } accepted && accepted.Id == user.Actor().Id,
            _ => false,
        };
    }
}
