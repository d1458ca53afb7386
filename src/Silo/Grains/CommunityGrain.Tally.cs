using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// The week's tally of cases given per cadre, for a policy that reads it (D16-fair-share). It is stored in the
/// main row with the assignment that changes it: the save writes the case's chunk first, then the main row.
/// A process that dies between the two leaves the case stored as assigned and the tally a case short, so on
/// activation every open case assigned after the cadre's stored tally is counted again.
/// </summary>
internal sealed partial class CommunityGrain
{
    // Each cadre's last counted assignment as stored, taken before activation counts anything.
    private Dictionary<string, DateTimeOffset?> TalliedThrough() =>
        policy.KeepsTally ? State.Cadres.ToDictionary(c => c.Key, c => c.Value.RecentlyGiven?.Through, StringComparer.Ordinal) : [];

    private void RecountIfMissed(CadreSlot slot, OpenCase open, Dictionary<string, DateTimeOffset?> tallied)
    {
        if (!policy.KeepsTally || open.AssignedAt is not { } at || (tallied.GetValueOrDefault(slot.Profile.Id) is { } through && at <= through))
        {
            return;
        }

        (slot.RecentlyGiven ??= new()).Add(at);
        _store.MainChanged();
    }
}
