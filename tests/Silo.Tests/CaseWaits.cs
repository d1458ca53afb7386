using Gongzhi.Cases;

namespace Gongzhi.Silo.Tests;

/// <summary>Waits for a case to show what the cluster does to it by itself (a one-way assignment, a deadline passing).</summary>
public static class CaseWaits
{
    public static async Task<CaseSnapshot> CaseWhenAsync(this IGrainFactory grains, string caseId, Func<CaseSnapshot, bool> condition, TimeSpan? within = null) =>
        (await Eventually.GetAsync(
            () => grains.GetGrain<ICaseGrain>(caseId).GetAsync(),
            snapshot => snapshot is not null && condition(snapshot),
            $"case {caseId} changes as expected",
            snapshot => snapshot is null ? "no case" : $"{snapshot.Status}, timeline {string.Join(", ", snapshot.Timeline.Select(e => e.Type))}",
            within))!;
}
