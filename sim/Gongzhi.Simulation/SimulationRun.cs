using Gongzhi.Communities;

namespace Gongzhi.Simulation;

/// <summary>What one policy's month left behind: every case as it ended, who was on duty when, the backlog by hour, the community's open cases.</summary>
public sealed record SimulationRun(
    string Policy,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<TrackedCase> Cases,
    DutyLog Duty,
    IReadOnlyList<CadreProfile> Cadres,
    IReadOnlyList<BacklogSample> Backlog,
    IReadOnlyCollection<string> CommunityOpenCases,
    TimeSpan WallTime,
    long Events);

/// <summary>Unresolved cases at an hour, and of them those waiting for a cadre.</summary>
public sealed record BacklogSample(DateTimeOffset At, int Unresolved, int Waiting);
