using System.Text.Json.Serialization;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>A cadre as their community keeps them: profile, duty, the open cases they carry.</summary>
public sealed class CadreSlot
{
    public required CadreProfile Profile { get; set; }

    public bool OnDuty { get; set; }

    /// <summary>Whether the cadre's shifts had them on duty at the last check, so only a shift's start or end changes duty.</summary>
    public bool? OnShift { get; set; }

    /// <summary>The open cases the cadre carries; the count is their load. Rebuilt from the open cases when the community loads.</summary>
    [JsonIgnore]
    public HashSet<string> Open { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastAssignedAt { get; set; }

    /// <summary>
    /// Cases given in the last week while in open-case chunks since dropped (their <see cref="OpenCaseChunk.Given"/> added
    /// up when each was dropped); the cadre's week is this plus the live chunks' tallies (<see cref="CommunityStore.GivenWithin"/>).
    /// Counted only under a policy that reads it (<see cref="IDispatchPolicy.KeepsTally"/>); null until a chunk with a count is
    /// dropped. Rows stored before the tally moved into the chunks hold here every case counted so far, which keeps that meaning.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AssignmentTally? RecentlyGiven { get; set; }

    public bool IsFull => Open.Count >= Profile.MaxOpenCases;

    // The shifts read as instants from the fair-share window's start, and what they were read for: a dispatch asks every
    // cadre, and the window starts at a day's start, so they are read once a day (or when the profile or zone changes).
    private (ShiftStretches Stretches, CadreProfile Profile, string Zone)? _shifts;

    /// <summary>How long the cadre's shifts had them on duty between <paramref name="from"/> and <paramref name="to"/> (<see cref="DutySchedule.OnShiftBetween"/>).</summary>
    public TimeSpan OnShiftBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        if (_shifts is not { } kept || kept.Stretches.From != from || !ReferenceEquals(kept.Profile, Profile) || kept.Zone != zone.Id)
        {
            _shifts = kept = (DutySchedule.StretchesFrom(Profile.Shifts, from, zone), Profile, zone.Id);
        }

        return kept.Stretches.OnShiftUntil(to);
    }
}
