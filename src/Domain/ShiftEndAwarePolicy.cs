namespace Gongzhi.Domain;

/// <summary>
/// Least-loaded's order, but no case goes to a cadre whose shift ends within <see cref="Margin"/> while an eligible
/// cadre staying longer is on duty: a case given at 17:55 to someone leaving at 18:00 waits the night.
/// With nobody staying, the leaving cadre still gets it (a cadre on duty by hand, off shift, counts as staying).
/// </summary>
public sealed class ShiftEndAwarePolicy : IDispatchPolicy
{
    public const string Key = "shift-end-aware";

    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);

    public string Name => Key;

    public bool NeedsShiftEnds => true;

    public DispatchCandidate? Choose(IEnumerable<DispatchCandidate> candidates, string category, DateTimeOffset now)
    {
        var eligible = DispatchPolicy.InOrder(DispatchPolicy.Eligible(candidates, category)).ToList();
        return eligible.FirstOrDefault(c => c.ShiftEndsAt is not { } end || end - now > Margin) ?? eligible.FirstOrDefault();
    }
}
