using System.Security.Claims;
using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Gateway.Auth;

/// <summary>Who may see and do what: the same checks for REST routes and hub calls.</summary>
public static class StaffAccess
{
    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(StaffRoles.RoleClaim)?.Value;

    public static string? Subject(this ClaimsPrincipal user) => user.FindFirst(StaffRoles.SubjectClaim)?.Value;

    public static string? Scope(this ClaimsPrincipal user) => user.FindFirst(StaffRoles.ScopeClaim)?.Value;

    /// <summary>An admin, or a staff member whose scope is the community, its sub-district or its county.</summary>
    public static bool Covers(this ClaimsPrincipal user, CommunityInfo community) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() is StaffRoles.Dispatcher or StaffRoles.Cadre
            && user.Scope() is { } scope
            && (scope == community.Id || scope == community.SubdistrictId || scope == community.CountyId));

    /// <summary>A dispatcher (or admin) whose scope covers the community.</summary>
    public static bool DispatchesFor(this ClaimsPrincipal user, CommunityInfo community) =>
        user.Role() is StaffRoles.Dispatcher or StaffRoles.Admin && user.Covers(community);

    /// <summary>
    /// An official of the level the case is at: its owner's scope (sub-district, department or county),
    /// a county-wide dispatcher, or an admin. At the community level, the community's dispatchers.
    /// </summary>
    public static bool OwnsLevel(this ClaimsPrincipal user, CaseSnapshot snapshot) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() is StaffRoles.Dispatcher or StaffRoles.Department or StaffRoles.Leader
            && user.Scope() is { } scope
            && (scope == snapshot.LevelOwnerId || (user.Role() == StaffRoles.Dispatcher && scope == snapshot.CountyId)));

    /// <summary>Whether the staff member may see the case: its cadre, its community's dispatchers, or an official of the level it is at.</summary>
    public static bool MaySee(this ClaimsPrincipal user, CaseSnapshot snapshot, CommunityInfo? community) =>
        (snapshot.AssigneeId is { } assignee && user.IsCadre(assignee))
        || (community is not null && user.DispatchesFor(community))
        || user.OwnsLevel(snapshot);

    /// <summary>The actor a staff member's step is recorded as.</summary>
    public static CaseActor Actor(this ClaimsPrincipal user) =>
        user.Role() == StaffRoles.Cadre ? CaseActor.Cadre(user.Subject()!) : CaseActor.Staff(user.Role()!, user.Subject()!);

    /// <summary>A dispatcher (or admin) whose scope is the community at this place, its sub-district or its county.</summary>
    public static bool DispatchesFor(this ClaimsPrincipal user, CommunityPlace place) =>
        user.Role() == StaffRoles.Admin
        || (user.Role() == StaffRoles.Dispatcher
            && user.Scope() is { } scope
            && (scope == place.Id || scope == place.SubdistrictId || scope == place.CountyId));

    /// <summary>The cadre themself.</summary>
    public static bool IsCadre(this ClaimsPrincipal user, string cadreId) =>
        user.Role() == StaffRoles.Cadre && user.Subject() == cadreId;
}
