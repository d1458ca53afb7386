using System.Text.RegularExpressions;
using Gongzhi.Gateway.Places;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// A case as GeoReport v2's <c>request</c>: open until resolved (办结), then closed; the Wenshang status, level and
/// mode in <c>status_notes</c>; the level's holder as <c>agency_responsible</c>; the SLA's resolve-by as
/// <c>expected_datetime</c>. The resident's name and phone are never written, and phone numbers typed into the
/// description are masked.
/// </summary>
public static partial class Open311Requests
{
    private static readonly Dictionary<CaseStatus, string> StatusNames = new()
    {
        [CaseStatus.Submitted] = "已提交", [CaseStatus.Accepted] = "已受理", [CaseStatus.Assigned] = "已派单",
        [CaseStatus.Acknowledged] = "已接单", [CaseStatus.Resolved] = "已办结", [CaseStatus.Closed] = "已回访",
    };

    private static readonly Dictionary<CaseLevel, string> LevelNames = new()
    {
        [CaseLevel.Community] = "社区", [CaseLevel.Subdistrict] = "街道", [CaseLevel.Department] = "县部门", [CaseLevel.Leader] = "县领导",
    };

    private static readonly Dictionary<HandlingMode, string> ModeNames = new()
    {
        [HandlingMode.DoItNow] = "马上办", [HandlingMode.LeadThrough] = "领着办", [HandlingMode.DoForYou] = "代为办",
    };

    public static bool IsOpen(CaseSnapshot snapshot) => snapshot.Status is not (CaseStatus.Resolved or CaseStatus.Closed);

    public static Open311Node Of(CaseSnapshot snapshot, CommunityInfo community, IPlaceDirectory places, string origin)
    {
        var location = snapshot.Location;
        var point = location.Point ?? places.PointOf(community.Id, location.Compound, location.Building);
        var category = community.Categories.FirstOrDefault(c => c.Id == snapshot.Category);
        var photo = snapshot.Timeline.Where(e => e.Photos is { Count: > 0 }).Select(e => e.Photos![0]).FirstOrDefault();
        return Open311Node.Object("request",
            Open311Node.Text("service_request_id", snapshot.CaseId),
            Open311Node.Text("status", IsOpen(snapshot) ? "open" : "closed"),
            Open311Node.Text("status_notes", Notes(snapshot)),
            Open311Node.Text("service_name", category?.Name ?? snapshot.Category),
            Open311Node.Text("service_code", snapshot.Category),
            Open311Node.Text("description", PhoneNumber().Replace(snapshot.Description, "***")),
            Open311Node.Text("agency_responsible", Agency(snapshot, community)),
            Open311Node.Text("service_notice", snapshot.MergedInto is { } primary ? $"Merged into {primary}; follow that request." : ""),
            Open311Node.Text("requested_datetime", Open311Times.Format(snapshot.SubmittedAt, community)),
            Open311Node.Text("updated_datetime", Open311Times.Format(snapshot.Timeline.Count > 0 ? snapshot.Timeline[^1].At : snapshot.SubmittedAt, community)),
            Open311Node.Text("expected_datetime", Open311Times.Format(snapshot.Deadlines.ResolveBy, community)),
            Open311Node.Text("address", Address(location, community)),
            Open311Node.Text("address_id", location.Building is null ? location.Compound : $"{location.Compound}/{location.Building}"),
            Open311Node.Text("zipcode", ""),
            Open311Node.Number("lat", point?.Latitude),
            Open311Node.Number("long", point?.Longitude),
            Open311Node.Text("media_url", photo is null ? "" : photo.StartsWith('/') ? origin + photo : photo));
    }

    private static string Notes(CaseSnapshot snapshot) =>
        $"{StatusNames[snapshot.Status]} {Refusal.Name(snapshot.Status)} · {LevelNames[snapshot.Level]} {Refusal.Name(snapshot.Level)} · {ModeNames[snapshot.Mode]} {Refusal.Name(snapshot.Mode)}";

    private static string Agency(CaseSnapshot snapshot, CommunityInfo community) => snapshot.Level switch
    {
        CaseLevel.Community => $"{community.Name} ({community.NameEn})",
        CaseLevel.Department => $"{LevelNames[snapshot.Level]} {snapshot.DepartmentId ?? snapshot.LevelOwnerId}",
        _ => $"{LevelNames[snapshot.Level]} {snapshot.LevelOwnerId}",
    };

    private static string Address(CaseLocation location, CommunityInfo community)
    {
        var compound = community.Compounds.FirstOrDefault(c => c.Id == location.Compound);
        var zh = (compound?.Name ?? location.Compound) + (location.Building is { } b ? $" {b}号楼" : "") + (location.Unit is { } u ? $" {u}单元" : "");
        var en = (compound?.NameEn ?? location.Compound) + (location.Building is { } b2 ? $", building {b2}" : "") + (location.Unit is { } u2 ? $", unit {u2}" : "");
        return $"{zh} ({en})";
    }

    // A mainland mobile or a landline with its area code, as a resident might type it into the description.
    [GeneratedRegex(@"(?<!\d)(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")]
    private static partial Regex PhoneNumber();
}
