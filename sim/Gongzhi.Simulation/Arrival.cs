using Gongzhi.Cases;

namespace Gongzhi.Simulation;

/// <summary>One resident's submission: when, where, what; <see cref="Collective"/> marks the collective grievance's cases.</summary>
public sealed record Arrival(DateTimeOffset At, string Compound, string Building, string Category, CaseKind Kind, bool Collective);
