using Gongzhi.Cases;

namespace Gongzhi.Silo.Archive;

/// <summary>Where the older part of a long case timeline is kept, append-only, so the case's row stays small.</summary>
public interface ICaseArchive
{
    /// <summary>Stores one chunk of events (seq-ordered) and returns its name.</summary>
    Task<string> WriteAsync(string caseId, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a chunk back.</summary>
    Task<IReadOnlyList<CaseEvent>> ReadAsync(string chunk, CancellationToken cancellationToken = default);
}
