using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Each image's Dockerfile copies into its build stage everything its project compiles: the project folders
/// (its own and every project it references) and each file it links from outside its folder (the gateway
/// compiles files from src/Silo). A linked file the Dockerfile leaves out builds here and fails only in
/// <c>docker build</c>, which ./test.sh does not run.
/// </summary>
public sealed partial class DockerfileSourcesTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "deploy/gateway.Dockerfile", "src/Gateway/Gongzhi.Gateway.csproj" },
        { "deploy/silo.Dockerfile", "src/Silo/Gongzhi.Silo.csproj" },
        { "deploy/balancer.Dockerfile", "src/Balancer/Gongzhi.Balancer.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_dockerfile_copies_every_source_its_project_compiles(string dockerfile, string project)
    {
        var copied = CopiedSources(File.ReadAllText(Path.Combine(RepoPaths.Root, dockerfile)));
        var needed = NeededPaths(project);

        string[] missing = [.. needed.Where(path => !copied.Any(source => Covers(source, path)))];

        Assert.True(missing.Length == 0, $"{dockerfile} does not copy: {string.Join(", ", missing)} (needed by {project})");
    }

    [Fact]
    public void The_check_sees_a_linked_file_left_out()
    {
        const string dockerfile = """
            FROM sdk AS build
            COPY Directory.Build.props Directory.Packages.props ./
            COPY src/Abstractions src/Abstractions
            COPY src/Gateway src/Gateway
            COPY src/Silo/Storage/StorageRequestCounter.cs src/Silo/Storage/
            FROM base
            COPY --from=build /src/src/Silo/Telemetry /app/
            """;
        var copied = CopiedSources(dockerfile);

        Assert.Contains(NeededPaths("src/Gateway/Gongzhi.Gateway.csproj"), path => !copied.Any(source => Covers(source, path)));
        Assert.Contains("src/Silo/Storage/StorageRequestCounter.cs", copied);
        Assert.DoesNotContain(copied, source => source.Contains("Telemetry", StringComparison.Ordinal));
    }

    /// <summary>The repository paths the COPY instructions of a Dockerfile's build context bring in (not <c>--from</c> copies).</summary>
    private static List<string> CopiedSources(string dockerfile)
    {
        var sources = new List<string>();
        var joined = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var line in joined.Split('\n').Select(l => l.Trim()))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3 || !words[0].Equals("COPY", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (words.Any(w => w.StartsWith("--from", StringComparison.Ordinal)))
            {
                continue;
            }

            var arguments = words.Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
            sources.AddRange(arguments[..^1].Select(Normalize));
        }

        return sources;
    }

    /// <summary>Repository paths a project's build reads: the shared props, and for it and each project it references, its folder and files it includes from elsewhere.</summary>
    private static SortedSet<string> NeededPaths(string project)
    {
        var needed = new SortedSet<string>(StringComparer.Ordinal) { "Directory.Build.props", "Directory.Packages.props" };
        var pending = new Stack<string>([project]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(current)!.Replace('\\', '/');
            needed.Add(folder);
            var xml = XDocument.Load(Path.Combine(RepoPaths.Root, current));
            foreach (var item in xml.Descendants().Where(e => e.Attribute("Include") is not null))
            {
                var include = item.Attribute("Include")!.Value;
                if (item.Name.LocalName == "ProjectReference")
                {
                    pending.Push(Resolve(folder, include));
                }
                else if (include.StartsWith("..", StringComparison.Ordinal))
                {
                    needed.Add(Resolve(folder, WithoutWildcards(include)));
                }
            }
        }

        return needed;
    }

    private static bool Covers(string source, string path) =>
        source == "." || source == path || path.StartsWith(source + "/", StringComparison.Ordinal);

    private static string Resolve(string folder, string relative) =>
        Path.GetRelativePath(RepoPaths.Root, Path.GetFullPath(Path.Combine(RepoPaths.Root, folder, relative))).Replace('\\', '/');

    // "../Shared/*.cs" needs the folder "../Shared".
    private static string WithoutWildcards(string include) =>
        include.IndexOfAny(['*', '?']) is var at and >= 0 ? include[..Math.Max(0, include[..at].LastIndexOf('/'))] : include;

    private static string Normalize(string source) => TrailingSlash().Replace(source.StartsWith("./", StringComparison.Ordinal) ? source[2..] : source, "");

    [GeneratedRegex("/+$")]
    private static partial Regex TrailingSlash();
}
