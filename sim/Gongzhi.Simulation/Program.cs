using Gongzhi.Simulation;

MachineState.Begin();
SimOptions options;
try
{
    options = SimOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var runs = new List<PolicyRun>();
for (var seed = options.Seed; seed < options.Seed + options.Seeds; seed++)
{
    foreach (var policy in options.Policies)
    {
        var run = await SimulationRunner.RunAsync(policy, seed, options.Days, new SimulationParameters { CasesPerThousandPerMonth = options.Rate }, options.World);
        var result = new PolicyRun(seed, run, PolicyFigures.From(run), Invariants.Check(run));
        Console.WriteLine($"seed {seed}, " + SimulationReport.Summary(result));
        runs.Add(result);
    }
}

await SimulationReport.WriteAsync(options, runs);
return runs.Any(r => r.Problems.Count > 0) ? 1 : 0;
