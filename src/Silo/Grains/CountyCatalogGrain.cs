using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A county's categories and SLA classes. A change is stored here with its audit entry in one write, then spread to
/// the county's communities and the entry delivered to the audit log; both follow-ups run on every call, so retrying a
/// call cut short after the write finishes them (the change itself is then found made and not counted again).
/// </summary>
internal sealed class CountyCatalogGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    ILogger<CountyCatalogGrain> logger) : Grain, ICountyCatalogGrain
{
    private readonly StoredState<CountyCatalogState> _state = states.For<CountyCatalogState>("county-catalog");

    private CountyCatalogState State => _state.State;

    private string CountyId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadAsync();

    public async Task<CountyCatalog> SeedAsync(IReadOnlyList<CategoryInfo> categories, IReadOnlyList<SlaClassInfo> slaClasses)
    {
        if (State.Administration is null && !(State.Seeded && WorldJson.Same(State.Categories, categories) && WorldJson.Same(State.SlaClasses, slaClasses)))
        {
            State.Seeded = true;
            State.Categories = [.. categories];
            State.SlaClasses = [.. slaClasses];
            await _state.WriteAsync();
        }
        else if (State.Administration is not null)
        {
            logger.LogInformation("County {CountyId}: the catalog an admin changed is kept; the seeds' is not applied", CountyId);
        }

        return Catalog();
    }

    public Task<CountyCatalog?> GetAsync() => Task.FromResult(State.Seeded ? Catalog() : null);

    public async Task<WorldEdit> PutCategoryAsync(CategoryInfo category, string actor)
    {
        if (Unseeded() is { } refused)
        {
            return refused;
        }

        if (MissingSlaClass(category) is { } field)
        {
            return WorldEdit.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.InvalidFields, "The county has no such SLA class.", ("field", field)));
        }

        var index = State.Categories.FindIndex(c => c.Id == category.Id);
        if (index < 0 || !WorldJson.Same(State.Categories[index], category))
        {
            if (index < 0)
            {
                State.Categories.Add(category);
            }
            else
            {
                State.Categories[index] = category;
            }

            var kinds = string.Join(",", category.SlaClassByKind.Select(k => $"{Refusal.Name(k.Key)}={k.Value}"));
            await RecordAsync(actor, index < 0 ? "category-create" : "category-update", category.Id,
                $"{category.Name} / {category.NameEn}; {Refusal.Name(category.DefaultMode)}; sla {category.SlaClass}{(kinds.Length > 0 ? $" ({kinds})" : "")}; "
                + $"department {category.DepartmentId ?? "-"}; offer {category.OfferWindow.TotalMinutes:0} min; "
                + SurgeText(category.Surge ?? SurgeSettings.Default));
        }

        await SpreadAsync();
        return WorldEdit.Done;
    }

    public async Task<WorldEdit> PutSlaClassAsync(SlaClassInfo slaClass, string actor)
    {
        if (Unseeded() is { } refused)
        {
            return refused;
        }

        var index = State.SlaClasses.FindIndex(c => c.Id == slaClass.Id);
        if (index < 0 || State.SlaClasses[index] != slaClass)
        {
            if (index < 0)
            {
                State.SlaClasses.Add(slaClass);
            }
            else
            {
                State.SlaClasses[index] = slaClass;
            }

            await RecordAsync(actor, index < 0 ? "sla-class-create" : "sla-class-update", slaClass.Id,
                $"acknowledge within {slaClass.AcknowledgeWithin.TotalMinutes:0} min; resolve within {slaClass.ResolveWithin.TotalMinutes:0} min");
        }

        await SpreadAsync();
        return WorldEdit.Done;
    }

    public async Task SpreadAsync()
    {
        if (!State.Seeded)
        {
            return;
        }

        var catalog = Catalog();
        foreach (var place in await GrainFactory.GetGrain<ICommunityDirectoryGrain>(0).FindAsync(CountyId))
        {
            if (place.CountyId == CountyId)
            {
                await GrainFactory.GetGrain<ICommunityGrain>(place.Id).UseCatalogAsync(catalog);
            }
        }

        // Audit entries of a change whose delivery was cut short go now (the silo spreads every catalog at start).
        if (State.Administration is { } administration)
        {
            await administration.DeliverAsync(GrainFactory);
        }
    }

    private async Task RecordAsync(string actor, string action, string target, string detail)
    {
        (State.Administration ??= new AdminChanges()).Record($"county-catalog/{CountyId}", time.GetUtcNow(), actor, action, target, detail);
        await _state.WriteAsync();
    }

    private WorldEdit? Unseeded() => State.Seeded ? null
        : WorldEdit.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.CountyNotFound, $"There is no county '{CountyId}'.", ("countyId", CountyId)));

    private string? MissingSlaClass(CategoryInfo category)
    {
        if (State.SlaClasses.All(s => s.Id != category.SlaClass))
        {
            return "slaClass";
        }

        return category.SlaClassByKind.Where(k => State.SlaClasses.All(s => s.Id != k.Value)).Select(k => $"slaClassByKind.{Refusal.Name(k.Key)}").FirstOrDefault();
    }

    private CountyCatalog Catalog() => new(CountyId, State.Categories.ToArray(), State.SlaClasses.ToArray());

    private static string SurgeText(SurgeSettings surge) =>
        $"surge {surge.MinCount}+ in {surge.WindowMinutes} min at p<{surge.PValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
