using System.Text.Json.Serialization;

namespace Gongzhi.Domain;

/// <summary>
/// What the last write of a case still owes other grains, stored in the same row as the change (an outbox):
/// the pushes of its events from <see cref="FromSeq"/> on, the KPI fact, the deadline watch, the level queues
/// and the community's bookkeeping. Every step is idempotent, so after a crash the case does them all again
/// from this record; in memory it is cleared once they are done.
/// </summary>
/// <param name="FromSeq">The first event of the write.</param>
/// <param name="ReleasedCadreId">A cadre the case left in that write, whose load must drop.</param>
/// <param name="FormerLevelOwnerId">The level owner before the write, which hears the case go.</param>
/// <param name="DispatchUnconfirmed">
/// Written beside the community's dispatch, before the community said that dispatch was stored (D16-dispatch-ahead):
/// a retry first puts the case back into the community as this row holds it. Stored only when true, so rows written before read alike.
/// </param>
public sealed record CaseFollowUp(int FromSeq, string? ReleasedCadreId = null, string? FormerLevelOwnerId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool DispatchUnconfirmed = false);
