using Gongzhi.Communities;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a county's catalog: its categories and SLA classes, and the admin's changes to them.</summary>
public sealed class CountyCatalogState
{
    /// <summary>False until the seeds first gave the county its catalog: an unseeded county takes no admin change.</summary>
    public bool Seeded { get; set; }

    public List<CategoryInfo> Categories { get; set; } = [];

    public List<SlaClassInfo> SlaClasses { get; set; } = [];

    /// <summary>The admin's changes (null until the first): once there is one, the seeds no longer change the catalog.</summary>
    public AdminChanges? Administration { get; set; }
}
