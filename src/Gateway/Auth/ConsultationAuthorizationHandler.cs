using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Gongzhi.Gateway.Auth;

/// <summary>A 7+X consultation: its parties and the community's staff see it; the community's dispatchers record the minutes.</summary>
public sealed class ConsultationAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ConsultationAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ConsultationAccess resource)
    {
        var user = context.User;
        var (consultation, community) = resource;
        var allowed = requirement.Name switch
        {
            nameof(StaffOperations.SeeConsultation) =>
                (user.Subject() is { } subject && consultation.Parties.Any(p => p.AccountId == subject))
                || (community is not null && user.Covers(community.Place())),
            nameof(StaffOperations.RecordMinutes) => community is not null && user.DispatchesFor(community.Place()),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
