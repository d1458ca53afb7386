using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Simulation;

/// <summary>What follows a case's change: the cadre answers a push, works or escalates, an official above acts, the resident rates; and its next deadline.</summary>
public sealed partial class Simulation
{
    private const int AnswerDraw = 1;
    private const int WorkDraw = 2;
    private const int OfficialDraw = 3;
    private const int RatingDraw = 4;

    /// <summary>Sub-district, department and leader officials work office hours.</summary>
    private static readonly IReadOnlyList<DutyShift> OfficeHours = [new DutyShift([1, 2, 3, 4, 5], new TimeOnly(8, 30), new TimeOnly(17, 30))];

    private void Observe(TrackedCase c, CaseSnapshot? s)
    {
        if (s is null)
        {
            return;
        }

        c.Last = s;
        if (c.FirstResolveBy is null)
        {
            (c.FirstAcknowledgeBy, c.FirstResolveBy) = (s.Deadlines.AcknowledgeBy, s.Deadlines.ResolveBy);
        }

        ScheduleDeadline(c, s);
        if (s.Status == CaseStatus.Accepted && s.AssigneeId is null)
        {
            _waiting.Add(c.CaseId);
        }
        else
        {
            _waiting.Remove(c.CaseId);
        }

        var open = s.Status is not (CaseStatus.Resolved or CaseStatus.Closed);
        if (s is { Status: CaseStatus.Assigned, AssigneeId: { } cadre } && Last(s, CaseEventType.Assigned, CaseEventType.Reassigned) is var given && given > c.AnsweredAssignment)
        {
            c.AnsweredAssignment = given;
            ScheduleAnswer(c, cadre, given);
        }

        if (s is { Status: CaseStatus.Acknowledged, Level: CaseLevel.Community, AssigneeId: { } worker } && Last(s, CaseEventType.Acknowledged) is var taken && taken > c.WorkedAcknowledgement)
        {
            c.WorkedAcknowledgement = taken;
            ScheduleWork(c, worker, s.Mode, taken);
        }

        if (open && s.Level != CaseLevel.Community && Last(s, CaseEventType.Escalated, CaseEventType.Returned) is var moved && moved > c.HandledLevelMove)
        {
            c.HandledLevelMove = moved;
            ScheduleOfficial(c, s, moved);
        }

        if (s.Status == CaseStatus.Resolved && Last(s, CaseEventType.Resolved) is var resolved && resolved > c.RatedResolution)
        {
            c.RatedResolution = resolved;
            ScheduleRating(c, s, resolved);
        }
    }

    private async Task RefreshAsync(TrackedCase c, CaseCommandResult? result = null) =>
        Observe(c, result?.Case ?? await Case(c.CaseId).GetAsync());

    private void ScheduleDeadline(TrackedCase c, CaseSnapshot s)
    {
        var d = s.Deadlines;
        var next = new[] { d.OfferExpiresAt, d.AcknowledgeBy, d.ResolveBy, d.RateBy }.Where(x => x > Now).Min();
        if (next is { } due && c.DeadlineChecks.Add(due))
        {
            At(due, DeadlineOrder, async () =>
            {
                await Case(c.CaseId).CheckDeadlinesAsync();
                await RefreshAsync(c);
                await PollWaitingAsync();
            });
        }
    }

    // A pushed cadre answers after a few minutes; one who has gone off duty meanwhile lets the offer lapse.
    private void ScheduleAnswer(TrackedCase c, string cadreId, int given)
    {
        var rng = Draws.For(_seed, c.Number, AnswerDraw, given);
        var delay = TimeSpan.FromMinutes(Draws.LogNormal(rng, _p.AnswerMedianMinutes, _p.AnswerSigma));
        var decline = rng.NextDouble() < _p.DeclineShare;
        At(Now + delay, ActOrder, async () =>
        {
            var s = await Case(c.CaseId).GetAsync();
            if (s is not { Status: CaseStatus.Assigned } || s.AssigneeId != cadreId || Last(s, CaseEventType.Assigned, CaseEventType.Reassigned) != given || !_duty.IsOnDuty(cadreId))
            {
                Observe(c, s);
                return;
            }

            var result = decline
                ? await Case(c.CaseId).DeclineAsync(cadreId, "busy with another case")
                : await Case(c.CaseId).AcknowledgeAsync(cadreId);
            await RefreshAsync(c, result);
            if (decline)
            {
                await PollWaitingAsync();
            }
        });
    }

    // The cadre works the case in shift time, then takes the mode's steps and resolves, or finds it beyond the community.
    private void ScheduleWork(TrackedCase c, string cadreId, HandlingMode mode, int taken)
    {
        var rng = Draws.For(_seed, c.Number, WorkDraw, taken);
        var escalate = rng.NextDouble() < _p.EscalateShare.GetValueOrDefault(c.Arrival.Category, _p.OtherEscalateShare);
        var work = escalate ? TimeSpan.FromHours(1) : Draws.LogNormal(rng, _p.ServiceMedian[mode], _p.ServiceSigma);
        At(WorkingTime.Finish(_cadres[cadreId].Shifts, _zone, Now, work), ActOrder, async () =>
        {
            var s = await Case(c.CaseId).GetAsync();
            if (s is not { Status: CaseStatus.Acknowledged, Level: CaseLevel.Community } || s.AssigneeId != cadreId || Last(s, CaseEventType.Acknowledged) != taken)
            {
                Observe(c, s);
                return;
            }

            var cadre = CaseActor.Cadre(cadreId);
            if (escalate)
            {
                await RefreshAsync(c, await Case(c.CaseId).EscalateAsync(cadre, "beyond the community's remit"));
                return;
            }

            foreach (var (type, byResident) in StepsOf(s.Mode))
            {
                await Case(c.CaseId).StepAsync(byResident ? CaseActor.Resident : cadre, new CaseStep(type, byResident ? null : "done"));
            }

            await RefreshAsync(c, await Case(c.CaseId).ResolveAsync(cadre, "resolved"));
            await PollWaitingAsync();
        });
    }

    private static (CaseEventType Type, bool ByResident)[] StepsOf(HandlingMode mode) => mode switch
    {
        HandlingMode.LeadThrough => [(CaseEventType.AccompanimentArranged, false), (CaseEventType.LedThroughConfirmed, true)],
        HandlingMode.DoForYou => [(CaseEventType.ConsentRecorded, true), (CaseEventType.DocumentsHandedOver, false), (CaseEventType.ResultHandedOver, false), (CaseEventType.ReceiptConfirmed, true)],
        _ => [],
    };

    // An official of the level the case climbed to takes it in office hours, then settles it.
    private void ScheduleOfficial(TrackedCase c, CaseSnapshot s, int moved)
    {
        var rng = Draws.For(_seed, c.Number, OfficialDraw, moved);
        var official = CaseActor.Staff(s.Level.ToString().ToLowerInvariant(), s.LevelOwnerId);
        var takeAt = WorkingTime.Finish(OfficeHours, _zone, Now, Draws.LogNormal(rng, _p.OfficialTakeMedian, 0.8));
        var resolveAt = WorkingTime.Finish(OfficeHours, _zone, takeAt, Draws.LogNormal(rng, _p.OfficialResolveMedian, 0.8));
        bool StillThere(CaseSnapshot? now) => now is { Status: not (CaseStatus.Resolved or CaseStatus.Closed) } && now.Level == s.Level && Last(now, CaseEventType.Escalated, CaseEventType.Returned) == moved;
        At(takeAt, ActOrder, async () =>
        {
            var now = await Case(c.CaseId).GetAsync();
            await RefreshAsync(c, StillThere(now) ? await Case(c.CaseId).TakeAsync(official) : null);
        });
        At(resolveAt, ActOrder, async () =>
        {
            var now = await Case(c.CaseId).GetAsync();
            await RefreshAsync(c, StillThere(now) ? await Case(c.CaseId).ResolveAsync(official, "settled at " + official.Id) : null);
            await PollWaitingAsync();
        });
    }

    // Most residents rate within a day or two; a late resolution is more often unsatisfying, which reopens the case.
    private void ScheduleRating(TrackedCase c, CaseSnapshot s, int resolved)
    {
        var rng = Draws.For(_seed, c.Number, RatingDraw, resolved);
        if (rng.NextDouble() < _p.NoRatingShare)
        {
            return;
        }

        var late = c.FirstResolveBy is { } by && s.Timeline.Last(e => e.Type == CaseEventType.Resolved).At > by;
        var rating = rng.NextDouble() < (late ? _p.UnsatisfiedLate : _p.UnsatisfiedOnTime) ? SatisfactionRating.Unsatisfied
            : rng.NextDouble() < _p.BasicallyShare ? SatisfactionRating.Basically : SatisfactionRating.Satisfied;
        var delay = Draws.LogNormal(rng, _p.RatingMedian, 0.8);
        var window = Domain.CaseLifecycle.RatingWindow - TimeSpan.FromMinutes(1);
        At(Now + (delay < window ? delay : window), ActOrder, async () =>
        {
            var now = await Case(c.CaseId).GetAsync();
            var rated = now is { Status: CaseStatus.Resolved } && Last(now, CaseEventType.Resolved) == resolved;
            await RefreshAsync(c, rated ? await Case(c.CaseId).RateAsync(rating, null) : null);
        });
    }

    /// <summary>The seq of the case's latest event of those types; 0 when none.</summary>
    private static int Last(CaseSnapshot s, params CaseEventType[] types)
    {
        for (var i = s.Timeline.Count - 1; i >= 0; i--)
        {
            if (types.Contains(s.Timeline[i].Type))
            {
                return s.Timeline[i].Seq;
            }
        }

        return 0;
    }
}
