namespace Gongzhi.Gateway.Views;

/// <summary>A county's catalog as the admin page shows and edits it: its categories and SLA classes, durations in minutes.</summary>
public sealed record AdminCatalogView(string CountyId, IReadOnlyList<AdminCategoryView> Categories, IReadOnlyList<AdminSlaClassView> SlaClasses)
{
    public static AdminCatalogView From(CountyCatalog catalog) =>
        new(catalog.CountyId, catalog.Categories.Select(AdminCategoryView.From).ToArray(), catalog.SlaClasses.Select(AdminSlaClassView.From).ToArray());
}

/// <summary>A category: names, the mode its cases start in, its SLA class (and per-kind exceptions), its department, the offer window.</summary>
public sealed record AdminCategoryView(
    string Id,
    string Name,
    string NameEn,
    HandlingMode DefaultMode,
    string SlaClass,
    IReadOnlyDictionary<CaseKind, string> SlaClassByKind,
    string? DepartmentId,
    int OfferWindowMinutes,
    int SurgeMinCount,
    int SurgeWindowMinutes,
    double SurgePValue)
{
    public static AdminCategoryView From(CategoryInfo c) =>
        new(c.Id, c.Name, c.NameEn, c.DefaultMode, c.SlaClass, c.SlaClassByKind, c.DepartmentId, (int)c.OfferWindow.TotalMinutes,
            (c.Surge ?? SurgeSettings.Default).MinCount, (c.Surge ?? SurgeSettings.Default).WindowMinutes, (c.Surge ?? SurgeSettings.Default).PValue);
}

/// <summary>An SLA class: minutes to acknowledge and to resolve.</summary>
public sealed record AdminSlaClassView(string Id, int AcknowledgeWithinMinutes, int ResolveWithinMinutes)
{
    public static AdminSlaClassView From(SlaClassInfo s) => new(s.Id, (int)s.AcknowledgeWithin.TotalMinutes, (int)s.ResolveWithin.TotalMinutes);
}
