using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Bench;

public sealed record BenchCommunity(string Id, IReadOnlyList<string> Compounds, IReadOnlyList<string> CadreIds);

/// <summary>
/// A generated world for load: the county of seeds/world.json (its categories, SLA classes, ladder) with
/// N communities × 7 compounds × M cadres, every cadre on duty, taking every category, with no shifts (so
/// nobody goes off duty mid-run) and maxOpenCases 10000 (so nobody fills up).
/// </summary>
public sealed class BenchWorld
{
    private static readonly string[] Kinds = ["suggestion", "grievance", "service"];

    // Residents write Chinese, which storage and the queue carry at 3 to 6 bytes a character: the load does too,
    // at about the length of a 12345 hotline entry's summary.
    private static readonly string[] Problems =
    [
        "暖气片一直不热，家里有老人和小孩，已经三天了，请尽快派人来看看。",
        "楼道里的灯坏了一个多星期，晚上上下楼看不清，老人差点摔倒。",
        "单元门口的下水道堵了，污水漫到路上，气味很大，希望尽快疏通。",
        "小区东门外占道经营的摊位越来越多，早晚高峰车辆进出困难。",
        "建议在小区里增设几处电动车充电桩，现在很多人从楼上拉线充电，不安全。",
        "楼上邻居装修每天早上七点就开始电钻施工，影响休息，协商没有结果。",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];

    public required string SeedsPath { get; init; }

    public required IReadOnlyList<BenchCommunity> Communities { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public static BenchWorld Generate(string repoRoot, string dir, int communities, int compounds, int cadres)
    {
        var worldText = File.ReadAllText(Path.Combine(repoRoot, "seeds", "world.json"));
        var world = JsonNode.Parse(worldText)!;
        var categories = world["categories"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        var subdistrict = world["subdistricts"]![0]!["id"]!.GetValue<string>();
        Directory.CreateDirectory(Path.Combine(dir, "communities"));
        File.WriteAllText(Path.Combine(dir, "world.json"), worldText);

        var list = new List<BenchCommunity>();
        for (var c = 1; c <= communities; c++)
        {
            var id = $"bench-{c:D2}";
            var compoundIds = Enumerable.Range(1, compounds).Select(k => $"{id}-compound-{k}").ToList();
            var cadreIds = Enumerable.Range(1, cadres).Select(k => $"{id}-cadre-{k:D2}").ToList();
            var doc = new
            {
                id,
                name = $"压测社区{c:D2}",
                nameEn = $"Bench community {c:D2}",
                subdistrictId = subdistrict,
                compounds = compoundIds.Select((k, i) => new { id = k, name = $"小区{i + 1}", nameEn = $"Compound {i + 1}", buildings = new[] { "1", "2", "3", "4" } }),
                cadres = cadreIds.Select((k, i) => new
                {
                    id = k,
                    name = $"干部{c:D2}-{i + 1:D2}",
                    categories,
                    shifts = Array.Empty<object>(),
                    onDutyAtStart = true,
                    maxOpenCases = 10000,
                    isVolunteer = false,
                }),
                standingParties = Enumerable.Range(1, 7).Select(p => new
                {
                    id = $"{id}-party-{p}",
                    name = $"常设方{p}",
                    role = p == 1 ? "community-committee" : "resident-deputy",
                    accountId = p == 1 ? $"{id}-dispatcher" : null,
                }),
            };
            File.WriteAllText(Path.Combine(dir, "communities", id + ".json"), JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            list.Add(new BenchCommunity(id, compoundIds, cadreIds));
        }
        return new BenchWorld { SeedsPath = dir, Communities = list, Categories = categories };
    }

    /// <summary>The community of the i-th submission.</summary>
    public string CommunityOf(long i) => Communities[(int)(i % Communities.Count)].Id;

    /// <summary>The i-th submission: spread round-robin-ish over communities, compounds, categories and kinds.</summary>
    public byte[] Submission(long i, string runId, string? clientRequestId = null)
    {
        var community = Communities[(int)(i % Communities.Count)];
        var compound = community.Compounds[(int)(i / Communities.Count % community.Compounds.Count)];
        var category = Categories[(int)(i * 7 % Categories.Count)];
        var kind = Kinds[(int)(i % Kinds.Length)];
        var body = new
        {
            communityId = community.Id,
            kind,
            category,
            description = $"{compound} {1 + (i % 4)}号楼{Problems[(int)(i % Problems.Length)]}（压测 {runId} 第{i}件）",
            location = new { compound, building = $"{1 + (i % 4)}", unit = $"{1 + (i % 3)}" },
            contact = new { name = $"{Surnames[(int)(i % Surnames.Length)]}{(i % 2 == 0 ? "女士" : "先生")}", phone = $"138{i % 100_000_000:D8}" },
            clientRequestId = clientRequestId ?? RequestId(runId, i),
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body));
    }

    /// <summary>The i-th submission's request id: a UUID, as the gateway requires, the same for the same run and index.</summary>
    public static string RequestId(string runId, long i) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}-{i}")).AsSpan(0, 16)).ToString();
}
