using Gongzhi.Communities;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DirectoryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_scope_finds_the_community_itself_or_every_community_of_its_subdistrict_or_county()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var (county, north, south) = ($"county-{id}", $"north-{id}", $"south-{id}");
        var directory = fixture.Client.GetGrain<ICommunityDirectoryGrain>(0);
        await directory.RegisterAsync(new CommunityPlace($"a-{id}", north, county));
        await directory.RegisterAsync(new CommunityPlace($"b-{id}", north, county));
        await directory.RegisterAsync(new CommunityPlace($"c-{id}", south, county));

        Assert.Equal([$"a-{id}"], (await directory.FindAsync($"a-{id}")).Select(p => p.Id));
        Assert.Equal([$"a-{id}", $"b-{id}"], (await directory.FindAsync(north)).Select(p => p.Id));
        Assert.Equal([$"a-{id}", $"b-{id}", $"c-{id}"], (await directory.FindAsync(county)).Select(p => p.Id));
        Assert.Empty(await directory.FindAsync($"nowhere-{id}"));

        // A community moved to another sub-district by the seeds is found under the new one only.
        await directory.RegisterAsync(new CommunityPlace($"b-{id}", south, county));
        Assert.Equal([$"a-{id}"], (await directory.FindAsync(north)).Select(p => p.Id));
        Assert.Equal([$"b-{id}", $"c-{id}"], (await directory.FindAsync(south)).Select(p => p.Id));
    }
}
