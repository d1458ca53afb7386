namespace Gongzhi.Metrics;

/// <summary>What a report bucket may be broken down by, besides its total.</summary>
[GenerateSerializer, Alias("gongzhi.KpiDimension")]
public enum KpiDimension
{
    Community = 0,
    Subdistrict = 1,
    Cadre = 2,
    Category = 3,

    /// <summary>The rung that holds the case: where it was resolved, else where it is now.</summary>
    Level = 4,

    /// <summary>The county department that takes the case's category above the sub-district.</summary>
    Department = 5,
}
