using System.Security.Claims;

namespace Gongzhi.Gateway.Auth;

/// <summary>A level's queue, its live pushes and the video petitions addressed to it are for its officials (and admins).</summary>
public sealed class LevelAuthorizationHandler : StaffOperationHandler<LevelOwner>
{
    protected override bool Allows(ClaimsPrincipal user, string operation, LevelOwner resource) =>
        operation == nameof(StaffOperations.WatchLevel) && user.Watches(resource.Id);
}
