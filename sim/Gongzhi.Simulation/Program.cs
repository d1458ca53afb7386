using Gongzhi.Simulation;

MachineState.Begin();
var options = SimOptions.Parse(args);
var runs = new List<(SimulationRun Run, PolicyFigures Figures, IReadOnlyList<string> Problems)>();
foreach (var policy in options.Policies)
{
    var run = await SimulationRunner.RunAsync(policy, options.Seed, options.Days, new SimulationParameters { CasesPerThousandPerMonth = options.Rate });
    var figures = PolicyFigures.From(run);
    var problems = Invariants.Check(run);
    Console.WriteLine(SimulationReport.Summary(run, figures, problems));
    runs.Add((run, figures, problems));
}

await SimulationReport.WriteAsync(options, runs);
return runs.Any(r => r.Problems.Count > 0) ? 1 : 0;
