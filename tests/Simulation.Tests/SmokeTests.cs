using Gongzhi.Domain;

namespace Gongzhi.Simulation.Tests;

/// <summary>One simulated day of Ximen on the real grains per policy: the report's invariants, not its figures.</summary>
public sealed class SmokeTests
{
    public static TheoryData<string> Policies => new(DispatchPolicies.Names);

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task A_simulated_day_accounts_for_every_case_and_gives_none_to_a_cadre_off_duty(string policy)
    {
        var run = await SimulationRunner.RunAsync(policy, seed: 1, days: 1, new SimulationParameters());
        var figures = PolicyFigures.From(run);

        Assert.Empty(Invariants.Check(run));
        Assert.True(figures.Submitted > 10, $"only {figures.Submitted} cases in a day");
        Assert.Equal(0, figures.Outcomes.GetValueOrDefault(CaseOutcome.Missing));
        Assert.Equal(figures.Submitted, figures.Outcomes.Values.Sum());
        Assert.True(figures.Outcomes.GetValueOrDefault(CaseOutcome.Resolved) > 0, "nothing was resolved in a day");
        Assert.NotEmpty(run.Backlog);
    }
}
