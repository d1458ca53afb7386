using System.Text.Json;
using Gongzhi.Communities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Seeding;

/// <summary>
/// Loads the demo world from <c>seeds/</c> into the county catalogs and community grains at start-up. Idempotent: a
/// community already loaded keeps its duty, load and cases; only its description is refreshed, and not even that
/// once an admin has changed the community (or, for categories and SLA classes, the county's catalog).
/// With a demo password configured, the demo staff accounts that do not exist yet are created (<see cref="StaffSeeder"/>).
/// </summary>
internal sealed class SeedLoader(IGrainFactory grains, IOptions<SeedOptions> options, ILogger<SeedLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Path))
        {
            return;
        }

        var definitions = Read(options.Value.Path);
        foreach (var county in definitions.GroupBy(d => d.Info.CountyId))
        {
            // Each county's catalog first: the seeds' unless an admin changed it, and the communities get the one in force.
            var seeded = county.First().Info;
            var catalog = await grains.GetGrain<ICountyCatalogGrain>(county.Key).SeedAsync(seeded.Categories, seeded.SlaClasses);
            foreach (var definition in county)
            {
                var info = definition.Info with { Categories = catalog.Categories, SlaClasses = catalog.SlaClasses };
                await grains.GetGrain<ICommunityGrain>(info.Id).ConfigureAsync(definition with { Info = info });
                await grains.GetGrain<ICommunityDirectoryGrain>(0).RegisterAsync(new CommunityPlace(info.Id, info.SubdistrictId, info.CountyId));
            }

            // A community an admin changed kept its description, and may have missed a catalog change cut short: give it again.
            await grains.GetGrain<ICountyCatalogGrain>(county.Key).SpreadAsync();
        }

        if (!string.IsNullOrEmpty(options.Value.DemoPassword))
        {
            var created = await StaffSeeder.SeedAsync(grains, options.Value.Path, options.Value.DemoPassword);
            logger.LogInformation("Demo staff accounts created: {Created}", created);
        }

        logger.LogInformation("Seeds loaded from {SeedsPath}", options.Value.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the world and every community file into community definitions.</summary>
    public static IReadOnlyList<CommunityDefinition> Read(string path)
    {
        var world = Load<SeedWorld>(Path.Combine(path, "world.json"));
        var subdistricts = world.Subdistricts.ToDictionary(s => s.Id);
        var definitions = new List<CommunityDefinition>();
        foreach (var file in Directory.GetFiles(Path.Combine(path, "communities"), "*.json").Order(StringComparer.Ordinal))
        {
            var community = Load<SeedCommunity>(file);
            if (!subdistricts.TryGetValue(community.SubdistrictId, out var subdistrict))
            {
                throw new InvalidDataException($"{file}: unknown sub-district '{community.SubdistrictId}'.");
            }

            var info = new CommunityInfo(community.Id, community.Name, community.NameEn, subdistrict.Id, subdistrict.CountyId, community.Compounds, world.Categories)
            {
                SlaClasses = world.SlaClasses,
                StandingParties = community.StandingParties,
                TimeZone = world.TimeZone,
            };
            var missing = world.Categories.SelectMany(c => c.SlaClassByKind.Values.Append(c.SlaClass)).FirstOrDefault(id => world.SlaClasses.All(s => s.Id != id));
            if (missing is not null)
            {
                throw new InvalidDataException($"world.json: a category refers to SLA class '{missing}', which is not defined.");
            }

            definitions.Add(new CommunityDefinition(info, community.Cadres));
        }

        return definitions;
    }

    private static T Load<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(file), SeedWorld.Json) ?? throw new InvalidDataException($"{file} is empty.");
}
