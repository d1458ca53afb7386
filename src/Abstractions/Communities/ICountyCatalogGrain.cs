namespace Gongzhi.Communities;

/// <summary>
/// A county's categories and SLA classes (key: county id), the one place they are changed: each change is stored
/// here, then spread to every community of the county (<see cref="ICommunityGrain.UseCatalogAsync"/>).
/// </summary>
[Alias("gongzhi.ICountyCatalogGrain")]
public interface ICountyCatalogGrain : IGrainWithStringKey
{
    /// <summary>Takes the seeds' catalog unless an admin has changed this one; answers the catalog in force.</summary>
    [Alias("Seed")]
    Task<CountyCatalog> SeedAsync(IReadOnlyList<CategoryInfo> categories, IReadOnlyList<SlaClassInfo> slaClasses);

    /// <summary>The catalog, or null for a county never seeded.</summary>
    [Alias("Get")]
    Task<CountyCatalog?> GetAsync();

    /// <summary>An admin adds or changes a category (audited as <paramref name="actor"/>); its SLA classes must exist.</summary>
    [Alias("PutCategory")]
    Task<WorldEdit> PutCategoryAsync(CategoryInfo category, string actor);

    /// <summary>An admin adds or changes an SLA class (audited as <paramref name="actor"/>).</summary>
    [Alias("PutSlaClass")]
    Task<WorldEdit> PutSlaClassAsync(SlaClassInfo slaClass, string actor);

    /// <summary>Gives the catalog to every community of the county again (idempotent); the silo does it at start.</summary>
    [Alias("Spread")]
    Task SpreadAsync();
}
