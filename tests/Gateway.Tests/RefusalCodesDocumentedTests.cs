using System.Text.RegularExpressions;
using Gongzhi.Refusals;
using Gongzhi.Testing;

namespace Gongzhi.Gateway.Tests;

public sealed partial class RefusalCodesDocumentedTests
{
    private static readonly string ApiDoc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "api.md"));

    [Fact]
    public void Every_refusal_code_has_a_row_in_the_api_documentation()
    {
        var documented = DocumentedCodes();
        string[] missing = [.. RefusalCodes.All.Where(code => !documented.Contains(code))];

        Assert.Equal([], missing);
    }

    [Fact]
    public void The_api_documentation_lists_no_code_the_server_does_not_give()
    {
        string[] unknown = [.. DocumentedCodes().Where(code => !RefusalCodes.All.Contains(code))];

        Assert.Equal([], unknown);
    }

    [Fact]
    public void Every_code_is_lowercase_kebab_case_and_unique()
    {
        Assert.All(RefusalCodes.All, code => Assert.Matches(KebabCase(), code));
        Assert.Equal(RefusalCodes.All.Count, RefusalCodes.All.Distinct().Count());
    }

    private static HashSet<string> DocumentedCodes()
    {
        var section = ApiDoc[ApiDoc.IndexOf("## Refusal codes", StringComparison.Ordinal)..];
        return CodeRow().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();
    }

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();

    [GeneratedRegex("^[a-z]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
