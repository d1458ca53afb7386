namespace Gongzhi.Simulation;

/// <summary>
/// Random draws. Each case's behaviour comes from its own stream (seed, case number, purpose), so every policy
/// meets the same residents and the same cadre answers on the same case: the comparison is of policies, not of luck.
/// </summary>
public static class Draws
{
    public static Random For(int seed, int caseNumber, int purpose, int round = 0) =>
        new((int)Mix(Mix(Mix(Mix((ulong)seed) ^ (uint)caseNumber) ^ (uint)purpose) ^ (uint)round));

    // SplitMix64's finaliser: HashCode.Combine is seeded per process, which would make no two runs alike.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    /// <summary>A log-normal draw with the given median (e^μ) and σ.</summary>
    public static double LogNormal(Random rng, double median, double sigma)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return median * Math.Exp(sigma * z);
    }

    public static TimeSpan LogNormal(Random rng, TimeSpan median, double sigma) => TimeSpan.FromMinutes(LogNormal(rng, median.TotalMinutes, sigma));
}
