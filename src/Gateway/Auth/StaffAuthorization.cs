using Microsoft.AspNetCore.Authorization;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// The authorization policies (who may call a route at all, by role) and the resource handlers (who may act on this
/// case, community, level, cadre, petition or consultation). A refused check is answered 403 by the route, with its reason.
/// </summary>
public static class StaffAuthorization
{
    /// <summary>Cadres only: acknowledging, declining and the mode's steps are the assigned cadre's (the grain checks which cadre).</summary>
    public const string CadrePolicy = "cadre";

    /// <summary>Dispatchers and admins: the intake poison queue.</summary>
    public const string PoisonReaderPolicy = "poison-reader";

    /// <summary>Admins only: replaying the poison queue.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>A signed-in staff member of any role: the <see cref="StaffRoles.StaffPolicy"/>, and what a route that states nothing requires.</summary>
    public static readonly AuthorizationPolicy Staff = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser().RequireClaim(StaffRoles.RoleClaim, StaffRoles.All).Build();

    public static IServiceCollection AddStaffAuthorization(this IServiceCollection services)
    {
        // Deny by default: a route, page, file or hub endpoint that forgets to say who may call it is for staff only.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(Staff)
            .AddPolicy(StaffRoles.StaffPolicy, Staff)
            .AddPolicy(CadrePolicy, p => p.RequireClaim(StaffRoles.RoleClaim, StaffRoles.Cadre).RequireClaim(StaffRoles.SubjectClaim))
            .AddPolicy(PoisonReaderPolicy, p => p.RequireClaim(StaffRoles.RoleClaim, StaffRoles.Dispatcher, StaffRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(StaffRoles.RoleClaim, StaffRoles.Admin));
        services.AddSingleton<IAuthorizationHandler, CaseAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, CommunityAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, LevelAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, CadreAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, VideoPetitionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ConsultationAuthorizationHandler>();
        return services;
    }
}
