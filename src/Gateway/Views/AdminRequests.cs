namespace Gongzhi.Gateway.Views;

/// <summary>A cadre created or changed by an admin. Every field is required except <c>maxOpenCases</c> (default 8).</summary>
public sealed record AdminCadreRequest(string? Name, IReadOnlyList<string>? Categories, IReadOnlyList<AdminShiftRequest>? Shifts, bool? IsVolunteer, int? MaxOpenCases);

/// <summary>A weekly shift: ISO days (Monday = 1) and local times <c>HH:mm</c>.</summary>
public sealed record AdminShiftRequest(IReadOnlyList<int>? Days, string? Start, string? End);

/// <summary>The standing parties of a community's 7+X consultations, replacing the ones it has.</summary>
public sealed record AdminStandingPartiesRequest(IReadOnlyList<AdminPartyRequest>? Parties);

/// <summary>A standing party: an id unique in the list, a name, a role, and the staff account that speaks for it, if any.</summary>
public sealed record AdminPartyRequest(string? Id, string? Name, string? Role, string? AccountId);

/// <summary>A category created or changed by an admin; <c>slaClassByKind</c> and <c>departmentId</c> may be omitted.</summary>
public sealed record AdminCategoryRequest(
    string? Name,
    string? NameEn,
    HandlingMode? DefaultMode,
    string? SlaClass,
    IReadOnlyDictionary<CaseKind, string>? SlaClassByKind,
    string? DepartmentId,
    int? OfferWindowMinutes,
    int? SurgeMinCount = null,
    int? SurgeWindowMinutes = null,
    double? SurgePValue = null);

/// <summary>An SLA class created or changed by an admin: minutes to acknowledge and to resolve.</summary>
public sealed record AdminSlaClassRequest(int? AcknowledgeWithinMinutes, int? ResolveWithinMinutes);
