using Gongzhi.Silo.Seeding;
using Gongzhi.Testing;

namespace Gongzhi.Silo.Tests;

public sealed class SeedsTests
{
    [Fact]
    public void Ximen_has_its_seven_compounds_and_a_roster_with_people_on_duty()
    {
        var ximen = SeedLoader.Read(RepoPaths.Seeds).Single(c => c.Info.Id == "ximen");

        Assert.Equal("wenshang-subdistrict", ximen.Info.SubdistrictId);
        Assert.Equal("wenshang", ximen.Info.CountyId);
        Assert.Equal(7, ximen.Info.Compounds.Count);
        Assert.Contains(ximen.Info.Compounds, c => c.Name == "吉市口佳苑东区");
        Assert.Contains(ximen.Info.Compounds, c => c.Id == "ximen-xiaoqu" && c.Buildings.Contains("64"));
        Assert.True(ximen.Cadres.Count >= 8);
        Assert.True(ximen.Cadres.Count(c => c.OnDutyAtStart) >= 2);
        Assert.All(ximen.Cadres, c => Assert.NotEmpty(c.Shifts));
    }

    [Fact]
    public void Every_cadre_category_is_one_the_county_lists()
    {
        foreach (var community in SeedLoader.Read(RepoPaths.Seeds))
        {
            var categories = community.Info.Categories.Select(c => c.Id).ToHashSet();
            Assert.All(community.Cadres.SelectMany(c => c.Categories), id => Assert.Contains(id, categories));
        }
    }
}
