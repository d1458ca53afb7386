namespace Gongzhi.Metrics;

/// <summary>What a report bucket may be broken down by, besides its total.</summary>
[GenerateSerializer, Alias("gongzhi.KpiDimension")]
public enum KpiDimension
{
    Community = 0,
    Subdistrict = 1,
    Cadre = 2,
    Category = 3,
}
