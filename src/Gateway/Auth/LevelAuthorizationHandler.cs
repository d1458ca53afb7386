using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Gongzhi.Gateway.Auth;

/// <summary>A level's queue, its live pushes and the video petitions addressed to it are for its officials (and admins).</summary>
public sealed class LevelAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, LevelOwner>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, LevelOwner resource)
    {
        if (requirement.Name == nameof(StaffOperations.WatchLevel) && context.User.Watches(resource.Id))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
