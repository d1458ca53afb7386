namespace Gongzhi.Metrics;

/// <summary>
/// The KPIs of a set of cases (see docs/kpis.md): the counts behind each rate, the rates themselves
/// (a fraction 0–1, null when nothing is in the denominator) and nearest-rank durations in seconds.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.KpiFigures")]
public sealed record KpiFigures(
    [property: Id(0)] int Submitted,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Acknowledged,
    [property: Id(3)] int AcknowledgedOnTime,
    [property: Id(4)] int AcknowledgeOverdue,
    [property: Id(5)] int Resolved,
    [property: Id(6)] int ResolvedOnTime,
    [property: Id(7)] int ResolveOverdue,
    [property: Id(8)] int ResolvedAtCommunity,
    [property: Id(9)] int Rated,
    [property: Id(10)] int Satisfied,
    [property: Id(11)] int BasicallySatisfied,
    [property: Id(12)] int NoResponse,
    [property: Id(13)] double? MedianSecondsToAcknowledge,
    [property: Id(14)] double? P90SecondsToAcknowledge,
    [property: Id(15)] double? MedianSecondsToResolve,
    [property: Id(16)] double? P90SecondsToResolve)
{
    public static readonly KpiFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null);

    /// <summary>受理率: accepted / submitted.</summary>
    public double? AcceptanceRate => Rate(Accepted, Submitted);

    /// <summary>Acknowledged on time / (acknowledged + still unacknowledged past the deadline).</summary>
    public double? OnTimeAcknowledgeRate => Rate(AcknowledgedOnTime, Acknowledged + AcknowledgeOverdue);

    /// <summary>办结率: resolved / accepted.</summary>
    public double? ResolutionRate => Rate(Resolved, Accepted);

    /// <summary>Resolved on time / (resolved + still unresolved past the deadline).</summary>
    public double? OnTimeResolutionRate => Rate(ResolvedOnTime, Resolved + ResolveOverdue);

    /// <summary>满意率: (satisfied + basically satisfied) / rated; closures without a response are not rated.</summary>
    public double? SatisfactionRate => Rate(Satisfied + BasicallySatisfied, Rated);

    /// <summary>小事不出村: resolved at community level / resolved.</summary>
    public double? CommunityLevelShare => Rate(ResolvedAtCommunity, Resolved);

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
