using System.Globalization;
using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// The admin's changes to the community: a cadre added, changed or retired, the standing parties replaced, the county's
/// catalog taken. Each changes the state in one turn and stores it with its audit entry in one write; the follow-ups
/// (roster pushes, the cadre's own grain, the gateways' copy, the audit log) run after it on every call, so a retry of
/// a call whose follow-ups were cut short finds the change made and does them again.
/// </summary>
internal sealed partial class CommunityGrain
{
    public Task<IReadOnlyList<CadreProfile>> GetProfilesAsync() =>
        Task.FromResult<IReadOnlyList<CadreProfile>>(State.Cadres.Values.Select(s => s.Profile).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray());

    public async Task<WorldEdit> PutCadreAsync(CadreProfile profile, string actor)
    {
        if (State.Info is not { } info)
        {
            return NotConfigured();
        }

        if (profile.Categories.Select((id, i) => (id, i)).FirstOrDefault(c => info.Categories.All(k => k.Id != c.id)) is { id: not null } unknown)
        {
            return WorldEdit.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.InvalidFields, $"The community takes no category '{unknown.id}'.",
                ("field", $"categories[{unknown.i}]")));
        }

        var known = State.Cadres.TryGetValue(profile.Id, out var slot);
        if (known && WorldJson.Same(slot!.Profile, profile with { OnDutyAtStart = slot.Profile.OnDutyAtStart }))
        {
            await FollowUpAsync(slot.Profile);
            return WorldEdit.Done;
        }

        // A new schedule puts the cadre on or off duty as it says now, not at the next minute's check; one who may
        // now take a waiting case takes it.
        var newSchedule = !known || !WorldJson.Same(slot!.Profile.Shifts, profile.Shifts);
        if (slot is null)
        {
            slot = new CadreSlot { Profile = profile with { OnDutyAtStart = false } };
            State.Cadres[profile.Id] = slot;
            State.RetiredCadres?.Remove(profile.Id);
        }
        else
        {
            slot.Profile = profile with { OnDutyAtStart = slot.Profile.OnDutyAtStart };
        }

        if (newSchedule && profile.Shifts.Count > 0)
        {
            slot.OnShift = slot.OnDuty = DutySchedule.IsOnShift(profile.Shifts, time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(info.TimeZone));
        }

        var assigned = DrainWaiting();
        Record(actor, known ? "cadre-update" : "cadre-create", profile.Id, $"{CommunityId}: {Describe(slot.Profile)}");
        await _store.SaveAsync();
        await PublishRosterAsync(profile.Id);
        await AnnounceAsync(assigned);
        await FollowUpAsync(slot.Profile);
        return WorldEdit.Done;
    }

    public async Task<WorldEdit> RetireCadreAsync(string cadreId, string actor)
    {
        if (State.Info is null)
        {
            return NotConfigured();
        }

        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            if (State.RetiredCadres?.Contains(cadreId) != true)
            {
                return WorldEdit.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.CadreNotInCommunity, $"There is no cadre '{cadreId}' in {CommunityId}.",
                    ("cadreId", cadreId), ("communityId", CommunityId)));
            }

            await DeliverAuditAsync();
            return WorldEdit.Done;
        }

        if (slot.Open.Count > 0)
        {
            return WorldEdit.Refused(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.CadreHasOpenCases,
                $"{slot.Profile.Name} still carries {slot.Open.Count} open cases; reassign them first.",
                ("cadreId", cadreId), ("openCases", slot.Open.Count.ToString(CultureInfo.InvariantCulture))));
        }

        State.Cadres.Remove(cadreId);
        (State.RetiredCadres ??= []).Add(cadreId);
        Record(actor, "cadre-retire", cadreId, $"{CommunityId}: {slot.Profile.Name}");
        await _store.SaveAsync();
        await DeliverAuditAsync();
        return WorldEdit.Done;
    }

    public async Task<WorldEdit> SetStandingPartiesAsync(IReadOnlyList<ConsultationParty> parties, string actor)
    {
        if (State.Info is not { } info)
        {
            return NotConfigured();
        }

        if (!WorldJson.Same(info.StandingParties, parties))
        {
            State.Info = info with { StandingParties = parties };
            Record(actor, "standing-parties-set", CommunityId, string.Join(", ", parties.Select(p => $"{p.Name} ({p.Role})")));
            await _store.SaveAsync();
        }

        await FollowUpAsync(null);
        return WorldEdit.Done;
    }

    public async Task UseCatalogAsync(CountyCatalog catalog)
    {
        if (State.Info is not { } info || (WorldJson.Same(info.Categories, catalog.Categories) && WorldJson.Same(info.SlaClasses, catalog.SlaClasses)))
        {
            return;
        }

        State.Info = info with { Categories = catalog.Categories, SlaClasses = catalog.SlaClasses };
        _store.MainChanged();
        await _store.SaveAsync();
        await CopyDescriptionForGatewaysAsync(State.Info);
    }

    // The change and its audit entry go into the main row together, and from now on the seeds leave the community alone.
    private void Record(string actor, string action, string target, string detail)
    {
        (State.Administration ??= new AdminChanges()).Record($"community/{CommunityId}", time.GetUtcNow(), actor, action, target, detail);
        _store.MainChanged();
    }

    private async Task FollowUpAsync(CadreProfile? cadre)
    {
        // A cadre is not in the description the gateways read (its standing parties are), so only that change copies it.
        if (cadre is not null)
        {
            await GrainFactory.GetGrain<ICadreGrain>(cadre.Id).ConfigureAsync(CommunityId, cadre);
        }
        else
        {
            await CopyDescriptionForGatewaysAsync(Info);
        }

        await DeliverAuditAsync();
    }

    private Task DeliverAuditAsync() => State.Administration?.DeliverAsync(GrainFactory) ?? Task.CompletedTask;

    private WorldEdit NotConfigured() =>
        WorldEdit.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.CommunityNotFound, $"There is no community '{CommunityId}'.", ("communityId", CommunityId)));

    private static string Describe(CadreProfile p) =>
        $"{p.Name}; categories {string.Join(",", p.Categories)}; shifts {string.Join(" ", p.Shifts.Select(s => $"{string.Join("", s.Days)} {Clock(s.Start)}-{Clock(s.End)}"))}; "
        + $"volunteer {(p.IsVolunteer ? "yes" : "no")}; max {p.MaxOpenCases}";

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
