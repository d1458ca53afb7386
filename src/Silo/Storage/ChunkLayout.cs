namespace Gongzhi.Silo.Storage;

/// <summary>A main row that lists the chunks holding a grain's items (see <see cref="ChunkedStore{TMain, TItem, TChunk}"/>).</summary>
internal interface IChunkedMain
{
    /// <summary>The chunks, oldest first; new items go to the last.</summary>
    List<int> Chunks { get; set; }

    int NextChunk { get; set; }
}

/// <summary>One stored chunk of items, in the order they came in.</summary>
internal interface IChunkRow<TItem>
{
    List<TItem> Cases { get; set; }
}

/// <summary>Where a chunked store keeps its rows: the main row's state name, the chunks' state name and synthetic grain type, and how many items a chunk holds.</summary>
internal sealed record ChunkLayout(string MainStateName, string ChunkStateName, string ChunkGrainType, int ChunkSize);
