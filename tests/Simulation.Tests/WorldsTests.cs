using Gongzhi.Silo.Seeding;

namespace Gongzhi.Simulation.Tests;

public sealed class WorldsTests
{
    [Fact]
    public void The_weekend_cover_world_gives_every_category_someone_on_duty_on_saturday_and_sunday()
    {
        var worlds = Path.Combine(Path.GetDirectoryName(SimulationRunner.SeedsPath())!, "sim", "worlds");
        var ximen = SeedLoader.Read(Path.Combine(worlds, "weekend-cover")).Single(d => d.Info.Id == "ximen");

        foreach (var category in ximen.Info.Categories.Select(c => c.Id))
        {
            foreach (var day in new[] { 6, 7 })
            {
                Assert.Contains(ximen.Cadres, c => c.Categories.Contains(category) && c.Shifts.Any(s => s.Days.Contains(day)));
            }
        }
    }
}
