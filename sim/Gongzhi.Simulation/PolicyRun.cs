namespace Gongzhi.Simulation;

/// <summary>One policy's month with one seed: the run, its figures, and what broke its invariants (nothing, one hopes).</summary>
public sealed record PolicyRun(int Seed, SimulationRun Run, PolicyFigures Figures, IReadOnlyList<string> Problems);
