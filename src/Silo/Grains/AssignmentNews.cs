using Gongzhi.Cases;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// Tells waiting cases the cadre their community found for them. The news goes one-way (it travels up the call
/// chain), so it is told again every <see cref="Period"/> until the case says it heard, or until the community
/// no longer stands by that assignment. Kept in memory: a community that restarts is asked again by its waiting
/// cases, whose deadlines it rechecks on activation.
/// </summary>
internal sealed class AssignmentNews(IGrainBase community, Func<Assignment, Task> tell, Func<Assignment, bool> stillHolds)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Assignment> _unheard = new(StringComparer.Ordinal);
    private IGrainTimer? _again;

    public async Task TellAsync(Assignment assignment)
    {
        _unheard[assignment.CaseId] = assignment;
        await tell(assignment);
        _again ??= community.RegisterGrainTimer(TellAgainAsync, Period, Period);
    }

    public void Heard(string caseId)
    {
        _unheard.Remove(caseId);
        StopWhenAllHeard();
    }

    private async Task TellAgainAsync(CancellationToken cancellationToken)
    {
        foreach (var assignment in _unheard.Values.ToArray())
        {
            if (stillHolds(assignment))
            {
                await tell(assignment);
            }
            else
            {
                _unheard.Remove(assignment.CaseId);
            }
        }

        StopWhenAllHeard();
    }

    private void StopWhenAllHeard()
    {
        if (_unheard.Count == 0 && _again is not null)
        {
            _again.Dispose();
            _again = null;
        }
    }
}
