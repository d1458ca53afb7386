using Gongzhi.Cases;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Metrics;

/// <summary>The main row of a metrics grain: which chunks hold the latest fact of each case (see <see cref="CaseFactChunk"/>).</summary>
public sealed class MetricsState : IChunkedMain
{
    /// <inheritdoc/>
    public ChunkList Chunks { get; set; } = [];

    public int NextChunk { get; set; }
}

/// <summary>One stored chunk of a community's case facts, the latest of each case.</summary>
public sealed class CaseFactChunk : IChunkRow<CaseFact>
{
    public List<CaseFact> Cases { get; set; } = [];
}
