namespace Gongzhi.Cases;

/// <summary>The resident's verdict: 满意 / 基本满意 / 不满意.</summary>
[GenerateSerializer, Alias("gongzhi.SatisfactionRating")]
public enum SatisfactionRating
{
    Satisfied = 0,
    Basically = 1,
    Unsatisfied = 2,
}
