namespace Gongzhi.Silo.Grains;

/// <summary>How a community watches its cases' deadlines.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>How often each community looks for cases whose deadline has come: the most a deadline is acted on late.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
