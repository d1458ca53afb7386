using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Intake;
using Gongzhi.Realtime;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community: the roster with duty (by hand and by shift) and load, the dispatch of accepted cases, the
/// waiting list, the open-case index behind the board, and the watch over its cases' deadlines. Tells
/// waiting cases (one-way) what it decided.
/// </summary>
/// <remarks>
/// Reentrant so that a surge of dispatches shares writes (<see cref="CommunityStore.SaveAsync"/>): every
/// method changes the state in one turn, before its first await, and persists through the store.
/// </remarks>
[Reentrant]
internal sealed class CommunityGrain(
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    IOptions<DeadlineOptions> deadlineOptions,
    ILogger<CommunityGrain> logger) : Grain, ICommunityGrain, IRemindable
{
    private const string DutyReminder = "duty";

    private readonly DeadlineWatch _deadlines = new();
    private AssignmentNews _news = null!;
    private CommunityStore _store = null!;
    private long _lastRosterVersion;

    private CommunityState State => _store.State;

    private string CommunityId => this.GetPrimaryKeyString();

    private CommunityInfo Info => State.Info ?? throw new InvalidOperationException($"Community {CommunityId} is not configured.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Gongzhi);
        // A write that failed (or may have been stored after all) leaves memory ahead of storage: reload instead.
        _store = await CommunityStore.LoadAsync(storage, this.GetGrainId(), CommunityId, _ => this.DeactivateOnIdle());
        foreach (var open in _store.Open)
        {
            if (open.AssigneeId is { } cadreId && State.Cadres.TryGetValue(cadreId, out var slot))
            {
                slot.Open.Add(open.CaseId);
                slot.LastAssignedAt = Later(slot.LastAssignedAt, open.AssignedAt);
            }

            // The watch lives in memory: every open case says again when its next deadline is.
            _ = GrainFactory.GetGrain<ICaseGrain>(open.CaseId).RecheckDeadlinesAsync();
        }

        _news = new AssignmentNews(this, a => GrainFactory.GetGrain<ICaseGrain>(a.CaseId).OnAssignedAsync(a), a => _store.Find(a.CaseId)?.AssigneeId == a.CadreId);
        var period = deadlineOptions.Value.CheckPeriod;
        this.RegisterGrainTimer(CheckDeadlinesAsync, period, period);
    }

    public async Task ConfigureAsync(CommunityDefinition definition)
    {
        State.Info = definition.Info;
        foreach (var profile in definition.Cadres)
        {
            if (State.Cadres.TryGetValue(profile.Id, out var slot))
            {
                slot.Profile = profile;
            }
            else
            {
                State.Cadres[profile.Id] = new CadreSlot { Profile = profile, OnDuty = profile.OnDutyAtStart };
            }
        }

        var assigned = DrainWaiting();
        _store.MainChanged();
        await _store.SaveAsync();
        await CopyDescriptionForGatewaysAsync(definition.Info);
        foreach (var slot in State.Cadres.Values.ToArray())
        {
            await GrainFactory.GetGrain<ICadreGrain>(slot.Profile.Id).ConfigureAsync(CommunityId, slot.Profile);
        }

        await AnnounceAsync(assigned);
        await this.RegisterOrUpdateReminder(DutyReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Community {CommunityId} configured with {CadreCount} cadres", CommunityId, State.Cadres.Count);
    }

    // Best effort: the copy only serves gateways while no silo answers; the next configuration writes it again.
    private async Task CopyDescriptionForGatewaysAsync(CommunityInfo info)
    {
        if (ServiceProvider.GetService<BlobServiceClient>() is not { } blobs)
        {
            return;
        }

        try
        {
            var container = blobs.GetBlobContainerClient(CommunityDescriptionBlobs.Container);
            await container.CreateIfNotExistsAsync();
            await container.GetBlobClient(CommunityDescriptionBlobs.BlobName(CommunityId)).UploadAsync(CommunityDescriptionBlobs.ToJson(info), overwrite: true);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not copy the description of community {CommunityId} for the gateways", CommunityId);
        }
    }

    public Task<CommunityInfo?> GetInfoAsync() => Task.FromResult(State.Info);

    public Task<IReadOnlyList<RosterEntry>> GetRosterAsync() =>
        Task.FromResult<IReadOnlyList<RosterEntry>>(State.Cadres.Values.OrderBy(s => s.Profile.Id, StringComparer.Ordinal).Select(ToEntry).ToArray());

    public Task<CadreView?> GetCadreAsync(string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return Task.FromResult<CadreView?>(null);
        }

        var cases = _store.Unordered.Where(o => o.AssigneeId == cadreId && slot.Open.Contains(o.CaseId))
            .OrderBy(o => o.AssignedAt).Select(o => o.CaseId).ToArray();
        return Task.FromResult<CadreView?>(new CadreView(slot.Profile.Id, slot.Profile.Name, CommunityId, slot.Profile.Categories, slot.OnDuty, cases));
    }

    public Task<IReadOnlyList<string>> GetOpenCasesAsync() => Task.FromResult<IReadOnlyList<string>>(_store.Open.Select(c => c.CaseId).ToArray());

    public async Task<DispatchDecision> DispatchAsync(CaseSubmission submission, IReadOnlyList<string> passedOver)
    {
        var info = Info;
        var caseId = submission.CaseId;
        var category = info.Categories.FirstOrDefault(c => c.Id == submission.Category)
            ?? throw new SubmissionRefusedException($"Community {CommunityId} does not take category {submission.Category}.");
        var terms = SlaPolicy.TermsFor(info, category, submission.Kind);
        var known = _store.Find(caseId);
        var entry = known?.Case ?? new OpenCaseEntry(caseId, submission.Category, submission.Location.Compound, submission.Location.Building, submission.SubmittedAt);
        var duplicates = DuplicateMatcher.Find(entry, _store.OpenEntries);

        if (known is { AssigneeId: { } holderId, AssignedAt: { } assignedAt } && State.Cadres.TryGetValue(holderId, out var holder) && holder.Open.Contains(caseId))
        {
            await _store.SaveAsync();
            return new DispatchDecision(category.DefaultMode, new Assignment(caseId, holderId, holder.Profile.Name, assignedAt), terms, duplicates);
        }

        if (known is { IsWaiting: true })
        {
            await _store.SaveAsync();
            return new DispatchDecision(category.DefaultMode, null, terms, duplicates);
        }

        var assignment = TryAssign(caseId, submission.Category, passedOver);
        _store.Put(new OpenCase(entry, assignment?.CadreId, assignment?.At, assignment is null ? passedOver.ToArray() : null));
        if (assignment is null)
        {
            logger.LogInformation("Case {CaseId} waits: nobody eligible on duty in {CommunityId} takes {Category}", caseId, CommunityId, submission.Category);
        }

        await _store.SaveAsync();
        if (assignment is not null)
        {
            await PublishRosterAsync(assignment.CadreId);
        }

        return new DispatchDecision(category.DefaultMode, assignment, terms, duplicates);
    }

    public async Task<ManualAssignment> AssignToAsync(string caseId, string category, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot))
        {
            return new ManualAssignment(null, Refusal.Of(RefusalCodes.CadreNotInCommunity, $"There is no cadre '{cadreId}' in {CommunityId}.",
                ("cadreId", cadreId), ("communityId", CommunityId)));
        }

        (string Name, string Value)[] who = [("cadreId", cadreId), ("name", slot.Profile.Name)];
        var refusal = !slot.OnDuty ? Refusal.Of(RefusalCodes.CadreOffDuty, $"{slot.Profile.Name} is off duty.", who)
            : slot.IsFull ? Refusal.Of(RefusalCodes.CadreFull, $"{slot.Profile.Name} already carries {slot.Open.Count} open cases, their maximum.",
                [.. who, ("openCases", slot.Open.Count.ToString(CultureInfo.InvariantCulture))])
            : slot.Profile.IsVolunteer && !slot.Profile.Categories.Contains(category)
                ? Refusal.Of(RefusalCodes.VolunteerCategory, $"{slot.Profile.Name} is a volunteer (双报到) and takes only {string.Join(", ", slot.Profile.Categories)}.",
                    [.. who, ("category", category), ("categories", string.Join(",", slot.Profile.Categories))])
            : null;
        if (refusal is not null)
        {
            return new ManualAssignment(null, refusal);
        }

        var assignment = Give(slot, caseId);
        await _store.SaveAsync();
        await PublishRosterAsync(cadreId);
        return new ManualAssignment(assignment, null);
    }

    public async Task ReleaseAsync(string caseId, string cadreId)
    {
        if (!State.Cadres.TryGetValue(cadreId, out var slot) || !slot.Open.Remove(caseId))
        {
            return;
        }

        if (_store.Find(caseId) is { } open && open.AssigneeId == cadreId)
        {
            _store.Put(open with { AssigneeId = null, AssignedAt = null });
        }

        // A freed cadre may take a waiting case at once.
        var assigned = DrainWaiting();
        await _store.SaveAsync();
        await PublishRosterAsync(cadreId);
        await AnnounceAsync(assigned);
    }

    public async Task SettleCaseAsync(string caseId, string? cadreId, bool open)
    {
        if (!open)
        {
            await CaseClosedAsync(caseId);
            return;
        }

        if (cadreId is null || _store.Find(caseId) is not { } entry || !State.Cadres.TryGetValue(cadreId, out var holder))
        {
            return;
        }

        var touched = State.Cadres.Values.Where(s => s != holder && s.Open.Remove(caseId)).Select(s => s.Profile.Id).ToList();
        if (holder.Open.Add(caseId))
        {
            touched.Add(cadreId);
        }

        if (entry.AssigneeId == cadreId && touched.Count == 0)
        {
            return;
        }

        logger.LogWarning("Case {CaseId} in {CommunityId}: bookkeeping settled to the stored case (held by {CadreId})", caseId, CommunityId, cadreId);
        _store.Put(entry with { AssigneeId = cadreId, AssignedAt = entry.AssignedAt ?? time.GetUtcNow(), WaitingPassedOver = null });
        await _store.SaveAsync();
        foreach (var id in touched)
        {
            await PublishRosterAsync(id);
        }
    }

    public async Task CaseClosedAsync(string caseId)
    {
        if (_store.Remove(caseId))
        {
            _deadlines.Set(caseId, null);
            foreach (var slot in State.Cadres.Values)
            {
                slot.Open.Remove(caseId);
            }

            await _store.SaveAsync();
        }
    }

    public Task TrackDeadlineAsync(string caseId, DateTimeOffset? dueAt)
    {
        _deadlines.Set(caseId, dueAt);
        return Task.CompletedTask;
    }

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
        if (State.Info is not { } info)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(info.TimeZone);
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

        if (changes.Count > 0 || shiftsMoved)
        {
            await ChangeDutyAsync(changes);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DutyReminder ? ApplyShiftsAsync() : Task.CompletedTask;

    // The deadline watch's tick: each case whose deadline has come applies it and says when its next one is.
    private Task CheckDeadlinesAsync(CancellationToken cancellationToken)
    {
        foreach (var caseId in _deadlines.TakeDue(time.GetUtcNow()))
        {
            _ = GrainFactory.GetGrain<ICaseGrain>(caseId).RecheckDeadlinesAsync();
        }

        return Task.CompletedTask;
    }

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

    private Assignment? TryAssign(string caseId, string category, IReadOnlyCollection<string> passedOver)
    {
        var candidates = State.Cadres.Values
            .Where(s => !s.IsFull && !passedOver.Contains(s.Profile.Id))
            .Select(s => new DispatchCandidate(s.Profile.Id, s.Profile.Categories.ToArray(), s.OnDuty, s.Open.Count, s.LastAssignedAt));
        return DispatchPolicy.Choose(candidates, category) is { } chosen ? Give(State.Cadres[chosen.Id], caseId) : null;
    }

    // The cadre takes the case: their load, and the case's entry (if the community knows the case).
    private Assignment Give(CadreSlot slot, string caseId)
    {
        var now = time.GetUtcNow();
        slot.Open.Add(caseId);
        slot.LastAssignedAt = now;
        if (_store.Find(caseId) is { } open)
        {
            _store.Put(open with { AssigneeId = slot.Profile.Id, AssignedAt = now, WaitingPassedOver = null });
        }

        return new Assignment(caseId, slot.Profile.Id, slot.Profile.Name, now);
    }

    // Waiting cases are offered in the order they arrived.
    private List<Assignment> DrainWaiting()
    {
        var assigned = new List<Assignment>();
        foreach (var waiting in _store.Waiting.ToArray())
        {
            if (TryAssign(waiting.CaseId, waiting.Case.Category, waiting.WaitingPassedOver!) is { } assignment)
            {
                assigned.Add(assignment);
            }
        }

        return assigned;
    }

    private async Task AnnounceAsync(List<Assignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            await _news.TellAsync(assignment);
            await PublishRosterAsync(assignment.CadreId);
        }
    }

    public Task AssignmentHeardAsync(string caseId)
    {
        _news.Heard(caseId);
        return Task.CompletedTask;
    }

    private Task PublishRosterAsync(string cadreId) =>
        GrainFactory.GetGrain<IDispatchRegistryGrain>(0).PublishRosterAsync(ToEntry(State.Cadres[cadreId]) with { Version = NextRosterVersion() });

    // Strictly increasing within this activation, and from the clock, so a later activation starts above it.
    private long NextRosterVersion() => _lastRosterVersion = Math.Max(_lastRosterVersion + 1, time.GetUtcNow().UtcTicks);

    private RosterEntry ToEntry(CadreSlot slot) =>
        new(CommunityId, slot.Profile.Id, slot.Profile.Name, slot.Profile.Categories, slot.OnDuty, slot.Open.Count);

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
