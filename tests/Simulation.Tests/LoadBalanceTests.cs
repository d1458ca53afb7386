namespace Gongzhi.Simulation.Tests;

public sealed class LoadBalanceTests
{
    [Fact]
    public void Equal_loads_have_a_gini_of_zero_and_a_max_of_the_mean()
    {
        Assert.Equal(0, LoadBalance.Gini([3, 3, 3]), 9);
        Assert.Equal(1, LoadBalance.MaxOverMean([3, 3, 3]), 9);
    }

    [Fact]
    public void One_cadre_carrying_everything_has_the_largest_gini_for_the_roster()
    {
        Assert.Equal(0.75, LoadBalance.Gini([0, 0, 0, 8]), 9);
        Assert.Equal(4, LoadBalance.MaxOverMean([0, 0, 0, 8]), 9);
    }

    [Fact]
    public void Gini_is_the_mean_absolute_difference_over_twice_the_mean()
    {
        // Pairs of 1, 2, 3, 4 differ by 20 in all (ordered); 20 / (2 · 4² · 2.5) = 0.25.
        Assert.Equal(0.25, LoadBalance.Gini([4, 1, 3, 2]), 9);
        Assert.Equal(1.6, LoadBalance.MaxOverMean([4, 1, 3, 2]), 9);
    }

    [Fact]
    public void Nobody_loaded_has_no_figure()
    {
        Assert.True(double.IsNaN(LoadBalance.Gini([0, 0])));
        Assert.True(double.IsNaN(LoadBalance.MaxOverMean([])));
    }
}
