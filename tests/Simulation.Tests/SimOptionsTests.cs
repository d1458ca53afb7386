namespace Gongzhi.Simulation.Tests;

public sealed class SimOptionsTests
{
    [Fact]
    public void With_no_arguments_it_runs_a_month_of_the_default_policy_with_seed_1()
    {
        var o = SimOptions.Parse([]);
        Assert.Equal((1, 30, 1, 20.0), (o.Seed, o.Days, o.Seeds, o.Rate));
        Assert.Equal(["fair-share"], o.Policies);
    }

    [Fact]
    public void All_runs_every_policy_and_a_named_one_runs_that_one()
    {
        Assert.Equal(["least-loaded", "shift-end-aware", "specialist-first", "fair-share"], SimOptions.Parse(["--policy", "all"]).Policies);
        Assert.Equal(["specialist-first"], SimOptions.Parse(["--policy", "specialist-first", "--seed", "7"]).Policies);
    }

    [Theory]
    [InlineData("--policy nearest", "--policy must be all or one of least-loaded, shift-end-aware, specialist-first, fair-share")]
    [InlineData("--days 0", "--days must be between 1 and 120")]
    [InlineData("--seed", "--seed needs a value")]
    [InlineData("--fast", "Unknown option --fast")]
    [InlineData("--world /no/such/world", "--world /no/such/world: no such folder")]
    public void Bad_arguments_are_refused_with_what_is_wrong(string args, string message)
    {
        var refused = Assert.Throws<ArgumentException>(() => SimOptions.Parse(args.Split(' ')));
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }
}
