using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// The handler of the <see cref="StaffOperations"/> on one type of resource: it succeeds when <see cref="Allows"/>
/// says the user may do the named operation to it, and says nothing otherwise (the request is then refused).
/// </summary>
public abstract class StaffOperationHandler<TResource> : AuthorizationHandler<OperationAuthorizationRequirement, TResource>
{
    protected sealed override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TResource resource)
    {
        if (Allows(context.User, requirement.Name, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="user"/> may do <paramref name="operation"/> (a <see cref="StaffOperations"/> name) to the resource.</summary>
    protected abstract bool Allows(ClaimsPrincipal user, string operation, TResource resource);
}
