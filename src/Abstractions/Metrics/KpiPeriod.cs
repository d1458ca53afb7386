namespace Gongzhi.Metrics;

/// <summary>The length of a report bucket, a calendar day or month in the county's local time.</summary>
[GenerateSerializer, Alias("gongzhi.KpiPeriod")]
public enum KpiPeriod
{
    Day = 0,
    Month = 1,
}
