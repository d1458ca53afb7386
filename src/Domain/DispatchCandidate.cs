namespace Gongzhi.Domain;

/// <summary>
/// A cadre as dispatch weighs them; <see cref="ShiftEndsAt"/> is when their shift ends (null: off shift, or not asked for).
/// <see cref="RecentlyGiven"/> and <see cref="RecentHours"/> are the cases given and the hours on shift in the
/// <see cref="AssignmentTally"/> window, for a policy that keeps the tally (0 otherwise).
/// </summary>
public sealed record DispatchCandidate(
    string Id,
    IReadOnlyCollection<string> Categories,
    bool OnDuty,
    int Load,
    DateTimeOffset? LastAssignedAt,
    DateTimeOffset? ShiftEndsAt = null,
    int RecentlyGiven = 0,
    double RecentHours = 0);
