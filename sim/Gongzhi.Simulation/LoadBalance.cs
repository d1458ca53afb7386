namespace Gongzhi.Simulation;

/// <summary>How evenly work is spread: the busiest over the mean, and the Gini coefficient (0 all equal, → 1 one carries all).</summary>
public static class LoadBalance
{
    public static double MaxOverMean(IReadOnlyCollection<double> loads) =>
        loads.Count == 0 || loads.Average() == 0 ? double.NaN : loads.Max() / loads.Average();

    /// <summary>Mean absolute difference over all ordered pairs, divided by twice the mean.</summary>
    public static double Gini(IReadOnlyCollection<double> loads)
    {
        if (loads.Count == 0 || loads.Sum() == 0)
        {
            return double.NaN;
        }

        var sorted = loads.Order().ToArray();
        var n = sorted.Length;
        // Σ (2i − n − 1) x_i over ascending x equals half of Σ_i Σ_j |x_i − x_j|.
        var weighted = sorted.Select((x, i) => ((2.0 * (i + 1)) - n - 1) * x).Sum();
        return weighted / (n * sorted.Sum());
    }
}
