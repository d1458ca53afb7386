using Gongzhi.Communities;

namespace Gongzhi.Silo.Grains;

/// <summary>A cadre as their community keeps them: profile, duty, the open cases they carry.</summary>
public sealed class CadreSlot
{
    public required CadreProfile Profile { get; set; }

    public bool OnDuty { get; set; }

    /// <summary>Whether the cadre's shifts had them on duty at the last check, so only a shift's start or end changes duty.</summary>
    public bool? OnShift { get; set; }

    /// <summary>The open cases assigned to the cadre, with when each was assigned; the count is their load.</summary>
    public Dictionary<string, DateTimeOffset> Cases { get; set; } = [];

    public DateTimeOffset? LastAssignedAt { get; set; }

    public bool IsFull => Cases.Count >= Profile.MaxOpenCases;
}
