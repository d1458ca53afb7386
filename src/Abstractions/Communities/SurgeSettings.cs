namespace Gongzhi.Communities;

/// <summary>
/// When a category's arrivals in one compound (or one building) count as a surge: at least <see cref="MinCount"/>
/// cases within <see cref="WindowMinutes"/>, and so many that chance alone would bring them with a probability below
/// <see cref="PValue"/> given the place's own baseline. Set per category by the admin.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.SurgeSettings")]
public sealed record SurgeSettings(
    [property: Id(0)] int MinCount,
    [property: Id(1)] int WindowMinutes,
    [property: Id(2)] double PValue)
{
    /// <summary>Three cases at least, in a sliding hour, with a chance below 1 in a million (docs/early-warning.md says why).</summary>
    public static readonly SurgeSettings Default = new(3, 60, 1e-6);

    public const int MinCountLowest = 2;
    public const int MinCountHighest = 100;
    public const int WindowLowest = 10;
    public const int WindowHighest = 1440;
    public const double PValueHighest = 0.05;
}
