using Gongzhi.Cases;

namespace Gongzhi.Simulation.Tests;

/// <summary>The configured policy reaches the community grain: Ximen at 17:52 on a Monday, 王立群 leaving at 18:00, 李建国 staying until 19:00.</summary>
public sealed class PolicyOnGrainsTests
{
    private static readonly DateTimeOffset MondayAfternoon = new(2026, 11, 16, 17, 45, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("least-loaded", "wang-liqun")]
    [InlineData("shift-end-aware", "li-jianguo")]
    [InlineData("fair-share", "wang-liqun")]
    public async Task A_heating_case_eight_minutes_before_a_shift_ends_goes_where_the_policy_says(string policy, string expected)
    {
        await using var cluster = await SimCluster.StartAsync(SimulationRunner.SeedsPath(), policy, MondayAfternoon);
        // The seeds put 王立群 and 李建国 on duty at the start; the first case goes to 李建国 (equal loads, then by id).
        Assert.Equal("li-jianguo", await SubmitAsync(cluster, "first"));

        cluster.Clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(expected, await SubmitAsync(cluster, "second"));
    }

    private static async Task<string?> SubmitAsync(SimCluster cluster, string caseId)
    {
        var grain = cluster.Client.GetGrain<ICaseGrain>(caseId);
        await grain.SubmitAsync(new CaseSubmission(caseId, "ximen", CaseKind.Service, "heating", "the radiators are cold",
            new CaseLocation("huiqian-xinyuan", "A", null), new ContactInfo("resident", "13800000000"), null, cluster.Clock.GetUtcNow()));
        return (await grain.GetAsync())?.AssigneeId;
    }
}
