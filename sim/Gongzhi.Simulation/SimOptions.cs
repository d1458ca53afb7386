using System.Globalization;
using Gongzhi.Domain;
using Gongzhi.Silo.Grains;

namespace Gongzhi.Simulation;

/// <summary>
/// The command line: <c>--seed N --seeds N --days N --policy NAME|all --rate N --world DIR --out DIR --no-chart</c>; <c>--seeds</c>
/// repeats the month with seeds N, N+1, …; <c>--world</c> reads another seeds folder (a roster to try).
/// </summary>
public sealed record SimOptions(int Seed, int Days, IReadOnlyList<string> Policies, double Rate, string Out, bool Chart, int Seeds = 1, string? World = null)
{
    /// <summary>Monday after the heating season began (15 November in Jining), midnight in the county.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8));

    public static SimOptions Parse(string[] args)
    {
        var o = new SimOptions(1, 30, [DispatchOptions.DefaultPolicy], new SimulationParameters().CasesPerThousandPerMonth, Path.Combine("docs", "simulation"), true);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--seed" => o with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seeds" => o with { Seeds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--days" => o with { Days = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rate" => o with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => o with { Out = Value() },
                "--world" => o with { World = Directory.Exists(Value()) ? args[i] : throw new ArgumentException($"--world {args[i]}: no such folder.") },
                "--no-chart" => o with { Chart = false },
                "--policy" => o with { Policies = PoliciesOf(Value()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; see sim/Gongzhi.Simulation/README.md."),
            };
        }

        return o.Days is < 1 or > 120 ? throw new ArgumentException("--days must be between 1 and 120.")
            : o.Seeds is < 1 or > 50 ? throw new ArgumentException("--seeds must be between 1 and 50.")
            : o;
    }

    private static IReadOnlyList<string> PoliciesOf(string value) =>
        value == "all" ? DispatchPolicies.Names
            : DispatchPolicies.Find(value) is { } p ? [p.Name]
            : throw new ArgumentException($"--policy must be all or one of {string.Join(", ", DispatchPolicies.Names)}.");
}
