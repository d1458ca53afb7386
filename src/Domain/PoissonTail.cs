namespace Gongzhi.Domain;

/// <summary>The upper tail of a Poisson distribution: the chance of <c>k</c> or more events when <c>λ</c> are expected.</summary>
public static class PoissonTail
{
    /// <summary>P(X ≥ <paramref name="k"/> | λ = <paramref name="expected"/>), summed upward from k so small tails keep their precision.</summary>
    public static double AtLeast(int k, double expected)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (expected <= 0)
        {
            return 0;
        }

        var logTerm = -expected + k * Math.Log(expected) - LogFactorial(k);
        var term = Math.Exp(logTerm);
        var sum = 0.0;
        for (var i = k; i < k + 10_000 && term > 0; i++)
        {
            sum += term;
            if (i > expected && term < sum * 1e-15)
            {
                break;
            }

            term *= expected / (i + 1);
        }

        return Math.Min(1, sum);
    }

    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }
}
