namespace Gongzhi.Simulation;

/// <summary>
/// Every number the simulated month is made of; docs/simulation.md gives the source of each. Times are the
/// county's local time (Asia/Shanghai).
/// </summary>
public sealed record SimulationParameters
{
    public int Residents { get; init; } = 30_000;

    /// <summary>Cases a month per 1,000 residents, before the heating surge and the collective grievance.</summary>
    public double CasesPerThousandPerMonth { get; init; } = 20;

    /// <summary>Relative arrivals by local hour (0–23); normalised to a mean of 1.</summary>
    public double[] HourProfile { get; init; } =
        [0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.9, 1.6, 1.9, 1.9, 1.6, 1.0, 1.0, 1.5, 1.7, 1.6, 1.4, 1.1, 1.1, 1.0, 0.8, 0.5, 0.3];

    /// <summary>Relative arrivals by ISO day (Monday first); normalised to a mean of 1.</summary>
    public double[] DayProfile { get; init; } = [1.2, 1.1, 1.05, 1.05, 1.0, 0.8, 0.8];

    /// <summary>The share of each category outside the heating surge (sums to 1).</summary>
    public IReadOnlyDictionary<string, double> CategoryMix { get; init; } = new Dictionary<string, double>
    {
        ["heating"] = 0.08, ["water-power"] = 0.12, ["safety-hazard"] = 0.04, ["property"] = 0.20, ["environment"] = 0.13,
        ["neighbour-dispute"] = 0.08, ["planning-sunlight"] = 0.02, ["owners-committee"] = 0.02, ["social-security"] = 0.10,
        ["certificates"] = 0.08, ["elderly-care"] = 0.08, ["suggestion"] = 0.05,
    };

    /// <summary>Heating cases are this many times their usual rate on the first day of the heating season, decaying with <see cref="HeatingSurgeDecayDays"/>.</summary>
    public double HeatingSurgePeak { get; init; } = 5;

    public double HeatingSurgeDecayDays { get; init; } = 6;

    /// <summary>The collective grievance: this many heating grievances from one compound within <see cref="GrievanceWindow"/>.</summary>
    public int GrievanceCases { get; init; } = 40;

    public string GrievanceCompound { get; init; } = "huiqian-xinyuan";

    /// <summary>Days after the start, at local 18:00.</summary>
    public int GrievanceDay { get; init; } = 11;

    public TimeSpan GrievanceWindow { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Median minutes from a push to the cadre's answer (log-normal, <see cref="AnswerSigma"/>).</summary>
    public double AnswerMedianMinutes { get; init; } = 2;

    public double AnswerSigma { get; init; } = 0.9;

    public double DeclineShare { get; init; } = 0.05;

    /// <summary>The share of shifts a cadre leaves early (goes off duty by hand), 15–90 minutes before the end.</summary>
    public double LeaveEarlyShare { get; init; } = 0.1;

    /// <summary>Median working time per handling mode (log-normal, <see cref="ServiceSigma"/>): 马上办 minutes, 领着办 hours, 代为办 a day or more.</summary>
    public IReadOnlyDictionary<Cases.HandlingMode, TimeSpan> ServiceMedian { get; init; } = new Dictionary<Cases.HandlingMode, TimeSpan>
    {
        [Cases.HandlingMode.DoItNow] = TimeSpan.FromMinutes(45),
        [Cases.HandlingMode.LeadThrough] = TimeSpan.FromHours(4),
        [Cases.HandlingMode.DoForYou] = TimeSpan.FromHours(12),
    };

    public double ServiceSigma { get; init; } = 0.8;

    /// <summary>The share of each category's cases a cadre finds beyond the community and escalates after an hour's work.</summary>
    public IReadOnlyDictionary<string, double> EscalateShare { get; init; } = new Dictionary<string, double>
    {
        ["heating"] = 0.04, ["planning-sunlight"] = 0.25, ["owners-committee"] = 0.10, ["neighbour-dispute"] = 0.05,
    };

    public double OtherEscalateShare { get; init; } = 0.01;

    /// <summary>An official above the community takes a case after this median working time, and resolves it after <see cref="OfficialResolveMedian"/>.</summary>
    public TimeSpan OfficialTakeMedian { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan OfficialResolveMedian { get; init; } = TimeSpan.FromHours(16);

    /// <summary>Residents who never rate (the case closes as no-response after the rating window).</summary>
    public double NoRatingShare { get; init; } = 0.15;

    public TimeSpan RatingMedian { get; init; } = TimeSpan.FromHours(20);

    /// <summary>Unsatisfied ratings of a case resolved on time, and of one resolved late.</summary>
    public double UnsatisfiedOnTime { get; init; } = 0.02;

    public double UnsatisfiedLate { get; init; } = 0.10;

    /// <summary>Of the satisfied-or-better ratings, the share "basically satisfied".</summary>
    public double BasicallyShare { get; init; } = 0.08;
}
