using System.Security.Claims;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Auth;

/// <summary>A community's roster, open cases, KPIs, live board and consultations are for its dispatchers (and admins).</summary>
public sealed class CommunityAuthorizationHandler : StaffOperationHandler<CommunityPlace>
{
    protected override bool Allows(ClaimsPrincipal user, string operation, CommunityPlace resource) =>
        operation == nameof(StaffOperations.DispatchCommunity) && user.DispatchesFor(resource);
}
