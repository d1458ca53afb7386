using System.Security.Claims;

namespace Gongzhi.Gateway.Auth;

/// <summary>A cadre's page and duty switch: the cadre themself, or a dispatcher of their community.</summary>
public sealed class CadreAuthorizationHandler : StaffOperationHandler<CadreAccess>
{
    protected override bool Allows(ClaimsPrincipal user, string operation, CadreAccess resource) =>
        operation == nameof(StaffOperations.ManageCadre)
        && (user.IsCadre(resource.CadreId) || (resource.Community is { } community && user.DispatchesFor(community.Place())));
}
