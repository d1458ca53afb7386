using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Gongzhi.Gateway.Auth;

/// <summary>A cadre's page and duty switch: the cadre themself, or a dispatcher of their community.</summary>
public sealed class CadreAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CadreAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CadreAccess resource)
    {
        var user = context.User;
        if (requirement.Name == nameof(StaffOperations.ManageCadre)
            && (user.IsCadre(resource.CadreId) || (resource.Community is { } community && user.DispatchesFor(community.Place()))))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
