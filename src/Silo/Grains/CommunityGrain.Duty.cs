using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>Who is on duty: by hand, and by the seeded weekly shifts applied every minute by the <c>duty</c> reminder; a cadre coming on duty takes waiting cases at once.</summary>
internal sealed partial class CommunityGrain
{
    public async Task<RosterEntry?> SetDutyAsync(string cadreId, bool onDuty)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return null;
        }

        await ChangeDutyAsync([(slot, onDuty)]);
        return ToEntry(slot);
    }

    public async Task ApplyShiftsAsync()
    {
        if (State.Info is null)
        {
            return;
        }

        var (changes, shiftsMoved) = ShiftChanges();
        if (changes.Count > 0 || shiftsMoved)
        {
            await ChangeDutyAsync(changes);
        }
    }

    // Who goes on or off duty as a shift begins or ends now; notes each cadre's shift state as it goes.
    private (List<(CadreSlot Slot, bool OnDuty)> Changes, bool ShiftsMoved) ShiftChanges()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Info.TimeZone);
        var now = time.GetUtcNow();
        var changes = new List<(CadreSlot Slot, bool OnDuty)>();
        var shiftsMoved = false;
        foreach (var slot in State.Cadres.Values.Where(s => s.Profile.Shifts.Count > 0))
        {
            var onShift = DutySchedule.IsOnShift(slot.Profile.Shifts, now, zone);
            // Only a shift's start or end changes duty, so a cadre's own switch holds until then.
            if (slot.OnShift is { } was && was != onShift && slot.OnDuty != onShift)
            {
                changes.Add((slot, onShift));
            }

            shiftsMoved |= slot.OnShift != onShift;
            slot.OnShift = onShift;
        }

        return (changes, shiftsMoved);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DutyReminder ? ApplyShiftsAsync() : Task.CompletedTask;

    private async Task ChangeDutyAsync(IReadOnlyList<(CadreSlot Slot, bool OnDuty)> changes)
    {
        foreach (var (slot, onDuty) in changes)
        {
            slot.OnDuty = onDuty;
        }

        var assigned = changes.Any(c => c.OnDuty) ? DrainWaiting() : [];
        _store.MainChanged();
        await _store.SaveAsync();
        foreach (var (slot, onDuty) in changes)
        {
            await PublishRosterAsync(slot.Profile.Id);
            logger.LogInformation("Cadre {CadreId} is now {Duty}", slot.Profile.Id, onDuty ? "on duty" : "off duty");
        }

        await AnnounceAsync(assigned);
    }
}
