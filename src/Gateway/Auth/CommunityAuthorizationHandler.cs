using Gongzhi.Communities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Gongzhi.Gateway.Auth;

/// <summary>A community's roster, open cases, KPIs, live board and consultations are for its dispatchers (and admins).</summary>
public sealed class CommunityAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CommunityPlace>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CommunityPlace resource)
    {
        if (requirement.Name == nameof(StaffOperations.DispatchCommunity) && context.User.DispatchesFor(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
