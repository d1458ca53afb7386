using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// The rules of who may see and do what, read from a staff token's claims. The authorization handlers of this
/// folder apply them to resources; routes and hub methods ask those handlers through <c>IAuthorizationService</c>.
/// </summary>
public static class StaffAccess
{
    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(StaffRoles.RoleClaim)?.Value;

    public static string? Subject(this ClaimsPrincipal user) => user.FindFirst(StaffRoles.SubjectClaim)?.Value;

    public static string? Scope(this ClaimsPrincipal user) => user.FindFirst(StaffRoles.ScopeClaim)?.Value;

    /// <summary>An admin, or a dispatcher or cadre whose scope is the community, its sub-district or its county.</summary>
    public static bool Covers(this ClaimsPrincipal user, CommunityPlace community) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() is StaffRoles.Dispatcher or StaffRoles.Cadre && InScope(user, community));

    /// <summary>A dispatcher (or admin) whose scope is the community, its sub-district or its county.</summary>
    public static bool DispatchesFor(this ClaimsPrincipal user, CommunityPlace community) =>
        user.Role() == StaffRoles.Admin || (user.Role() == StaffRoles.Dispatcher && InScope(user, community));

    /// <summary>
    /// An official of the level the case is at: its owner's scope (sub-district, department or county),
    /// a county-wide dispatcher, or an admin. At the community level, the community's dispatchers.
    /// </summary>
    public static bool OwnsLevel(this ClaimsPrincipal user, CaseSnapshot snapshot) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() is StaffRoles.Dispatcher or StaffRoles.Department or StaffRoles.Leader
            && user.Scope() is { } scope
            && (scope == snapshot.LevelOwnerId || (user.Role() == StaffRoles.Dispatcher && scope == snapshot.CountyId)));

    /// <summary>An official whose scope is the level's owner (sub-district, department or county), or an admin.</summary>
    public static bool Watches(this ClaimsPrincipal user, string levelOwnerId) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() is StaffRoles.Dispatcher or StaffRoles.Department or StaffRoles.Leader && user.Scope() == levelOwnerId);

    /// <summary>Whether the staff member may see the case: its cadre, its community's dispatchers, or an official of the level it is at.</summary>
    public static bool MaySee(this ClaimsPrincipal user, CaseSnapshot snapshot, CommunityInfo? community) =>
        user.IsAssignedCadre(snapshot)
        || (community is not null && user.DispatchesFor(community.Place()))
        || user.OwnsLevel(snapshot);

    /// <summary>The actor a staff member's step is recorded as.</summary>
    public static CaseActor Actor(this ClaimsPrincipal user) =>
        user.Role() == StaffRoles.Cadre ? CaseActor.Cadre(user.Subject()!) : CaseActor.Staff(user.Role()!, user.Subject()!);

    /// <summary>The cadre themself.</summary>
    public static bool IsCadre(this ClaimsPrincipal user, string cadreId) =>
        user.Role() == StaffRoles.Cadre && user.Subject() == cadreId;

    /// <summary>The cadre the case is assigned to.</summary>
    public static bool IsAssignedCadre(this ClaimsPrincipal user, CaseSnapshot snapshot) =>
        snapshot.AssigneeId is { } cadreId && user.IsCadre(cadreId);

    private static bool InScope(ClaimsPrincipal user, CommunityPlace community) =>
        user.Scope() is { } scope && (scope == community.Id || scope == community.SubdistrictId || scope == community.CountyId);
}
