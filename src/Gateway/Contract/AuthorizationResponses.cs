using Gongzhi.Gateway.Auth;
using Gongzhi.Refusals;
using Microsoft.AspNetCore.Authorization;

namespace Gongzhi.Gateway.Contract;

/// <summary>
/// The 401 and 403 a route's authorization metadata implies, declared on every route of a group after the routes'
/// own conventions: a route that requires a staff token answers 401 without one and 403 when its role may not use it.
/// </summary>
public static class AuthorizationResponses
{
    public static TBuilder DocumentAuthorization<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (RouteAccess.Of(endpoint.Metadata.ToArray()) == Access.StaffToken)
            {
                RefusalConventions.Declare(endpoint, StatusCodes.Status401Unauthorized, [RefusalCodes.Unauthenticated]);
                RefusalConventions.Declare(endpoint, StatusCodes.Status403Forbidden, [RefusalCodes.Forbidden]);
            }
        });
        return builder;
    }
}

/// <summary>Who may call a route, as its authorization metadata says.</summary>
public enum Access
{
    /// <summary>The route states nothing: the OpenAPI document then has no <c>security</c> for it, and a test fails.</summary>
    Unstated,

    /// <summary>Anyone, no token.</summary>
    Anonymous,

    /// <summary>Anyone; a staff bearer token, when sent, identifies the caller.</summary>
    AnonymousOrStaffToken,

    /// <summary>A staff bearer token is required.</summary>
    StaffToken,
}

public static class RouteAccess
{
    /// <summary>As ASP.NET Core decides it: <c>AllowAnonymous</c> wins over <c>RequireAuthorization</c>.</summary>
    public static Access Of(IReadOnlyCollection<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return metadata.OfType<StaffTokenOptional>().Any() ? Access.AnonymousOrStaffToken : Access.Anonymous;
        }

        return metadata.OfType<IAuthorizeData>().Any() ? Access.StaffToken : Access.Unstated;
    }
}
