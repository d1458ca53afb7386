namespace Gongzhi.Silo.Storage;

/// <summary>A main row that lists the chunks holding a grain's items (see <see cref="ChunkedStore{TMain, TItem, TChunk}"/>).</summary>
internal interface IChunkedMain
{
    /// <summary>The chunks, oldest first; new items go to the last.</summary>
    ChunkList Chunks { get; set; }

    int NextChunk { get; set; }
}

/// <summary>One stored chunk of items, in the order they came in.</summary>
internal interface IChunkRow<TItem>
{
    List<TItem> Cases { get; set; }
}

/// <summary>
/// Where a chunked store keeps its rows: the main row's state name, the chunks' state name and synthetic grain type, and
/// how many items a chunk holds. With <paramref name="SharedChunks"/>, chunks it adds are kept in the shared partitions
/// of <see cref="StorageNames.Shared"/> (<c>{ChunkStateName}~shared</c>), where writes of many grains go in one request;
/// chunks stored before stay in their own partitions until dropped (<see cref="ChunkList.SharedFrom"/>).
/// </summary>
internal sealed record ChunkLayout(string MainStateName, string ChunkStateName, string ChunkGrainType, int ChunkSize, bool SharedChunks = false);
