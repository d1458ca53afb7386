namespace Gongzhi.Cases;

/// <summary>How a closed case ended.</summary>
[GenerateSerializer, Alias("gongzhi.CaseClosure")]
public enum CaseClosure
{
    Rated = 0,
    NoResponse = 1,
    Merged = 2,
}
