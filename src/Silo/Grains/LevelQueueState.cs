namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a level queue.</summary>
public sealed class LevelQueueState
{
    public List<string> Cases { get; set; } = [];
}
