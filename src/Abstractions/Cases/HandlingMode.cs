namespace Gongzhi.Cases;

/// <summary>How the cadre acts offline: 马上办 / 领着办 / 代为办.</summary>
[GenerateSerializer, Alias("gongzhi.HandlingMode")]
public enum HandlingMode
{
    DoItNow = 0,
    LeadThrough = 1,
    DoForYou = 2,
}
