using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Tests.Faults;
using Orleans.Storage;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// A surge warning is stored in a small row of its own before it is pushed, and the watch's counts (which grow with
/// every arrival) are written behind (D16-surge-rows): a warning never rewrites the counts, a failed warning write is
/// raised or pushed again under the same id, and the numbering goes on from the newer of the two rows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SurgeRowsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Counts = "community-surge";

    private static readonly string Warnings = StorageNames.Shared("community-warnings");

    private IClusterClient Client => fixture.Client;

    private IGrainStorage Storage => fixture.Cluster.GrainStorage();

    [Fact]
    public async Task A_warning_writes_the_warnings_row_and_leaves_the_counts_to_the_next_save_behind()
    {
        var community = await NewCommunityAsync();

        var alert = Assert.Single(await RaiseAsync(community, "1"));

        Assert.EndsWith("-surge-1", alert.AlertId, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => Task.FromResult(Writes(Warnings, community) == 1), "the warning is stored");
        Assert.Equal(0, Writes(Counts, community));
        var stored = await ReadAsync<CommunityWarningsState>(Warnings, community);
        Assert.Equal(alert.AlertId, Assert.Single(stored.Alerts).AlertId);

        // The deadline tick stores the counts once their time has come, the warnings row first.
        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        await Eventually.HoldsAsync(() => Task.FromResult(Writes(Counts, community) == 1), "the counts are written behind");
        Assert.Equal(2, Writes(Warnings, community));
    }

    [Theory]
    [InlineData(StorageFault.FailsBeforeStoring)]
    [InlineData(StorageFault.TimesOutAfterStoring)]
    public async Task A_warning_whose_row_write_failed_is_pushed_after_the_next_activation_under_the_same_id(StorageFault fault)
    {
        var community = await NewCommunityAsync();
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == Warnings && c.Key == community, fault);

        // The write fails (or times out after storing): the community goes without pushing; the next activation counts
        // the open cases again (stored nothing) or finds the warning stored and not pushed (stored after all).
        Assert.Empty(await RaiseAsync(community, "1", untilFaultFired: true));
        await fixture.Cluster.DeactivateAsync(Client.GetGrain<ICommunityGrain>(community));

        // Listening from now on (a gateway's registration lapses on the test clock, which the cases moved on).
        var listener = new SurgeListener(community);
        await using var listening = await SurgeListener.ListenAsync(Client, listener);

        var alert = Assert.Single(await Client.GetGrain<ICommunityGrain>(community).GetSurgeAlertsAsync());
        Assert.EndsWith("-surge-1", alert.AlertId, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => Task.FromResult(!listener.Heard.IsEmpty), "the warning is pushed");
        Assert.All(listener.Heard, heard => Assert.Equal(alert.AlertId, heard.AlertId));
        Assert.Equal([alert.AlertId], (await ReadAsync<CommunityWarningsState>(Warnings, community)).Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public async Task Warnings_stored_only_in_their_row_are_listed_after_reactivation_and_the_next_takes_the_next_number()
    {
        var community = await NewCommunityAsync();
        var first = Assert.Single(await RaiseAsync(community, "1"));
        Assert.Equal(0, Writes(Counts, community));
        await fixture.Cluster.DeactivateAsync(Client.GetGrain<ICommunityGrain>(community));

        // The counts row holds nothing yet: the warnings row alone says what was raised (a surge under way, not raised
        // again by the arrivals counted anew) and what number comes next.
        var alerts = await RaiseAsync(community, "1", "certificates");

        Assert.Equal(2, alerts.Count);
        Assert.Equal(first.AlertId, alerts[1].AlertId);
        Assert.EndsWith("-surge-2", alerts[0].AlertId, StringComparison.Ordinal);
        Assert.Equal("certificates", alerts[0].Category);
    }

    [Fact]
    public async Task A_counts_row_that_numbered_more_warnings_than_the_warnings_row_holds_the_newer_ones()
    {
        // A silo of the release before wrote the counts row alone, with every warning, after this release's warnings row.
        var community = await NewCommunityAsync();
        var grain = Client.GetGrain<ICommunityGrain>(community);
        await fixture.Cluster.DeactivateAsync(grain);
        var older = Alert(community, 1);
        var newer = Alert(community, 2);
        await WriteAsync(Warnings, community, new CommunityWarningsState { Alerts = [older], NextAlert = 2 });
        await WriteAsync(Counts, community, new CommunitySurgeState { Watch = new SurgeWatchState { Alerts = [newer, older], NextAlert = 3 } });

        Assert.Equal([newer.AlertId, older.AlertId], (await grain.GetSurgeAlertsAsync()).Select(a => a.AlertId));
    }

    private Task<string> NewCommunityAsync() =>
        fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating") with { MaxOpenCases = 50 });

    // Complaints from one building, three minutes apart, until the community lists a warning of them (or a fault fired).
    private async Task<IReadOnlyList<SurgeAlert>> RaiseAsync(string community, string building, string category = "heating", bool untilFaultFired = false)
    {
        var grain = Client.GetGrain<ICommunityGrain>(community);
        var fired = fixture.Faults.Fired;
        for (var i = 0; i < 12; i++)
        {
            var submission = fixture.Submission(community, category) with { Location = new CaseLocation("east", building, null) };
            await grain.DispatchAsync(submission, []);
            fixture.Time.Advance(TimeSpan.FromMinutes(3));
            if (untilFaultFired ? fixture.Faults.Fired > fired : (await grain.GetSurgeAlertsAsync()).Any(a => a.Category == category))
            {
                return untilFaultFired ? [] : await grain.GetSurgeAlertsAsync();
            }
        }

        throw new InvalidOperationException($"no {category} warning for building {building} after 12 cases");
    }

    private int Writes(string stateName, string community) => fixture.Faults.Count(c => c.IsWrite && c.StateName == stateName && c.Key == community);

    private async Task<T> ReadAsync<T>(string stateName, string community)
        where T : class, new()
    {
        var state = new GrainState<T>(new T());
        await Storage.ReadStateAsync(stateName, Client.GetGrain<ICommunityGrain>(community).GetGrainId(), state);
        return state.State ?? new T();
    }

    private Task WriteAsync<T>(string stateName, string community, T state)
        where T : class, new() =>
        Storage.WriteStateAsync(stateName, Client.GetGrain<ICommunityGrain>(community).GetGrainId(), new GrainState<T>(state));

    private SurgeAlert Alert(string community, int number) =>
        new($"{community}-surge-{number}", community, "sub-1", "east", "1", "heating", 6, 60, 0.2, fixture.Time.GetUtcNow(), ["x"]);
}
