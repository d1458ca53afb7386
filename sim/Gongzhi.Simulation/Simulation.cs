using System.Diagnostics;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Simulation;

/// <summary>
/// The month as a queue of events on virtual time: submissions, shift changes, cadres' and officials' and residents'
/// answers, and every case's deadlines. Each event moves the fake clock to its instant, calls the real grains, and
/// reads the case back to schedule what follows (<see cref="Simulation"/>'s reactions).
/// </summary>
public sealed partial class Simulation
{
    // At one instant: duty changes first (as the roster would have them), then deadlines, then everything else.
    private const int DutyOrder = 0;
    private const int DeadlineOrder = 1;
    private const int ActOrder = 2;

    private readonly SimCluster _cluster;
    private readonly SimulationParameters _p;
    private readonly int _seed;
    private readonly TimeZoneInfo _zone;
    private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, int Order, long Seq)> _events = new();
    private readonly Dictionary<string, TrackedCase> _cases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CadreProfile> _cadres;
    private readonly DutyLog _duty = new();
    private readonly List<BacklogSample> _backlog = [];
    private long _seq;

    public Simulation(SimCluster cluster, SimulationParameters p, int seed)
    {
        _cluster = cluster;
        _p = p;
        _seed = seed;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(cluster.Ximen.Info.TimeZone);
        _cadres = cluster.Ximen.Cadres.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    private DateTimeOffset Now => _cluster.Clock.GetUtcNow();

    private ICommunityGrain Community => _cluster.Client.GetGrain<ICommunityGrain>(_cluster.Ximen.Info.Id);

    public async Task<SimulationRun> RunAsync(IReadOnlyList<Arrival> arrivals, DateTimeOffset end, string policy)
    {
        var wall = Stopwatch.StartNew();
        var start = Now;
        await StartDutyAsync();
        for (var i = 0; i < arrivals.Count; i++)
        {
            var (number, arrival) = (i + 1, arrivals[i]);
            At(arrival.At, ActOrder, () => SubmitAsync(number, arrival));
        }

        for (var hour = start; hour <= end; hour += TimeSpan.FromHours(1))
        {
            At(hour, ActOrder, SampleBacklogAsync);
        }

        // A safety net for news that reached a case after the poll that followed it.
        for (var t = start; t <= end; t += TimeSpan.FromMinutes(30))
        {
            At(t, ActOrder, PollWaitingAsync);
        }

        long events = 0;
        while (_events.TryDequeue(out var action, out var key) && key.At <= end)
        {
            if (key.At > Now)
            {
                _cluster.Clock.SetUtcNow(key.At);
            }

            await action();
            events++;
        }

        _cluster.Clock.SetUtcNow(end);
        foreach (var tracked in _cases.Values)
        {
            tracked.Last = await Case(tracked.CaseId).GetAsync();
        }

        var open = await Community.GetOpenCasesAsync();
        return new SimulationRun(policy, start, end, _cases.Values.OrderBy(c => c.Number).ToList(), _duty, [.. _cadres.Values], _backlog, open.ToHashSet(), wall.Elapsed, events);
    }

    private void At(DateTimeOffset at, int order, Func<Task> action) => _events.Enqueue(action, (at < Now ? Now : at, order, ++_seq));

    private ICaseGrain Case(string caseId) => _cluster.Client.GetGrain<ICaseGrain>(caseId);

    private async Task SubmitAsync(int number, Arrival arrival)
    {
        var caseId = $"sim-{number:D5}";
        var tracked = _cases[caseId] = new TrackedCase(number, arrival, caseId);
        var submission = new CaseSubmission(caseId, _cluster.Ximen.Info.Id, arrival.Kind, arrival.Category, "simulated",
            new CaseLocation(arrival.Compound, arrival.Building, null), new ContactInfo("resident", "13800000000"), null, Now);
        var wall = Stopwatch.GetTimestamp();
        await Case(caseId).SubmitAsync(submission);
        tracked.SubmitMilliseconds = Stopwatch.GetElapsedTime(wall).TotalMilliseconds;
        Observe(tracked, await Case(caseId).GetAsync());
    }

    // Duty as the shifts have it at the start (the seeds' on-duty-at-start is the demo's, not a weekday's), then every shift change.
    private async Task StartDutyAsync()
    {
        foreach (var cadre in _cadres.Values)
        {
            var on = DutySchedule.IsOnShift(cadre.Shifts, Now, _zone);
            await Community.SetDutyAsync(cadre.Id, on);
            _duty.Set(cadre.Id, on, Now);
            NextShiftChange(cadre);
        }

        await Community.ApplyShiftsAsync();
    }

    private void NextShiftChange(CadreProfile cadre)
    {
        if (DutySchedule.NextChange(cadre.Shifts, Now, _zone) is not { } change)
        {
            return;
        }

        At(change, DutyOrder, async () =>
        {
            await Community.ApplyShiftsAsync();
            var on = DutySchedule.IsOnShift(cadre.Shifts, Now, _zone);
            _duty.Set(cadre.Id, on, Now);
            NextShiftChange(cadre);
            if (on)
            {
                MaybeLeaveEarly(cadre);
                await PollWaitingAsync();
            }
        });
    }

    // Some shifts a cadre goes off duty by hand before the end: a meeting, a sick child.
    private void MaybeLeaveEarly(CadreProfile cadre)
    {
        var rng = Draws.For(_seed, -1 - _cluster.Ximen.Cadres.ToList().FindIndex(c => c.Id == cadre.Id), (int)(Now - DateTimeOffset.UnixEpoch).TotalHours);
        if (rng.NextDouble() >= _p.LeaveEarlyShare || DutySchedule.NextChange(cadre.Shifts, Now, _zone) is not { } end)
        {
            return;
        }

        var leave = end - TimeSpan.FromMinutes(15 + (75 * rng.NextDouble()));
        At(leave, DutyOrder, async () =>
        {
            if (_duty.IsOnDuty(cadre.Id))
            {
                await Community.SetDutyAsync(cadre.Id, false);
                _duty.Set(cadre.Id, false, Now);
            }
        });
    }

    private Task SampleBacklogAsync()
    {
        var unresolved = _cases.Values.Count(c => c.Last is { Status: not (CaseStatus.Resolved or CaseStatus.Closed) });
        _backlog.Add(new BacklogSample(Now, unresolved, _waiting.Count));
        return Task.CompletedTask;
    }

    // A cadre freed or come on duty may have taken waiting cases; the community tells each case one-way, so read them back.
    private async Task PollWaitingAsync()
    {
        foreach (var caseId in _waiting.ToArray())
        {
            Observe(_cases[caseId], await Case(caseId).GetAsync());
        }
    }
}
