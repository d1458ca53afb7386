using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Ladder;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Domain;
using Gongzhi.Silo.Extensions;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// Carries a stored case change to the other grains (<see cref="CaseFollowUp"/>): the community's bookkeeping,
/// the deadline watch, the pushes, the KPI fact and the level queues. Each step is idempotent, so the whole
/// list can run again after any failure, from the stored record alone.
/// </summary>
internal static class CaseFollowUps
{
    /// <param name="retry">Run again from the stored record: the release and the deadline may not have reached the community.</param>
    /// <param name="deadlineMoved">The case's next deadline changed in this write.</param>
    public static async Task RunAsync(GrainReferences grains, CaseRecord record, CaseFollowUp followUp, bool retry, bool deadlineMoved)
    {
        var community = grains.Community(record.CommunityId);
        // The release and any new cadre went to the community before the write (the next dispatch needed the cadre
        // freed); a retry cannot tell whether the write that followed was stored, so it settles the community to it.
        if (retry)
        {
            if (followUp.DispatchUnconfirmed && record.IsOpen)
            {
                await community.RestoreDispatchAsync(record.Submission!, record.HolderId, record.PassedOver);
            }

            await community.SettleCaseAsync(record.CaseId, record.HolderId, record.IsOpen);
        }

        if (retry || deadlineMoved)
        {
            await community.TrackDeadlineAsync(record.CaseId, record.WatchedDeadline);
        }

        var events = record.Timeline.Where(e => e.Seq >= followUp.FromSeq).ToArray();
        var updates = events.Select(e => record.ToUpdate(e, followUp.ReleasedCadreId, followUp.FormerLevelOwnerId)).ToArray();
        if (updates.Length > 0)
        {
            await grains.Registry.PublishCaseUpdatesAsync(updates);
        }

        await grains.Metrics(record.CommunityId).RecordAsync(record.ToFact());
        if (events.Any(e => e.Type is CaseEventType.Escalated or CaseEventType.Returned || e.Status == CaseStatus.Closed))
        {
            await SyncQueuesAsync(grains, record, community);
        }
    }

    // A closed case leaves the community's board; a case above the community is in exactly its level's queue.
    private static async Task SyncQueuesAsync(GrainReferences grains, CaseRecord record, ICommunityGrain community)
    {
        if (!record.IsOpen)
        {
            await community.CaseClosedAsync(record.CaseId);
        }

        foreach (var owner in UpperOwners(record).Distinct())
        {
            var queue = grains.Factory.GetGrain<ILevelQueueGrain>(owner);
            if (record.IsOpen && record.Level != CaseLevel.Community && owner == record.LevelOwnerId)
            {
                await queue.AddAsync(record.CaseId);
            }
            else
            {
                await queue.RemoveAsync(record.CaseId);
            }
        }
    }

    private static IEnumerable<string> UpperOwners(CaseRecord record)
    {
        if (record.Terms is not { } terms)
        {
            yield break;
        }

        yield return terms.SubdistrictId;
        if (terms.DepartmentId is { } department)
        {
            yield return department;
        }

        yield return terms.CountyId;
    }
}
