using System.Collections;

namespace Gongzhi.Telemetry;

/// <summary>
/// The log scope of work on one case or community: structured formatters write <c>CaseId</c> and <c>CommunityId</c>
/// as properties of every line logged inside it, so an operator finds a case's lines by its id.
/// </summary>
public sealed class CaseLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string CaseIdKey = "CaseId";
    public const string CommunityIdKey = "CommunityId";

    private readonly KeyValuePair<string, object?>[] _pairs;

    /// <summary>The ids that are known; a null one is left out.</summary>
    public CaseLogScope(string? caseId, string? communityId) =>
        _pairs = (caseId, communityId) switch
        {
            (null, null) => [],
            (null, _) => [new(CommunityIdKey, communityId)],
            (_, null) => [new(CaseIdKey, caseId)],
            _ => [new(CaseIdKey, caseId), new(CommunityIdKey, communityId)],
        };

    public int Count => _pairs.Length;

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', _pairs.Select(p => $"{p.Key}:{p.Value}"));
}
