namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a level's index of open video petitions.</summary>
public sealed class VideoPetitionIndexState
{
    public List<string> Petitions { get; set; } = [];
}
