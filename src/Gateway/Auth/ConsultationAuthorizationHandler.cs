using System.Security.Claims;

namespace Gongzhi.Gateway.Auth;

/// <summary>A 7+X consultation: its parties and the community's staff see it; the community's dispatchers record the minutes.</summary>
public sealed class ConsultationAuthorizationHandler : StaffOperationHandler<ConsultationAccess>
{
    protected override bool Allows(ClaimsPrincipal user, string operation, ConsultationAccess resource)
    {
        var (consultation, community) = resource;
        return operation switch
        {
            nameof(StaffOperations.SeeConsultation) =>
                (user.Subject() is { } subject && consultation.Parties.Any(p => p.AccountId == subject))
                || (community is not null && user.Covers(community.Place())),
            nameof(StaffOperations.RecordMinutes) => community is not null && user.DispatchesFor(community.Place()),
            _ => false,
        };
    }
}
