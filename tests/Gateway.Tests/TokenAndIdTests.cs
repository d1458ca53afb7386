using Gongzhi.Gateway;
using Gongzhi.Gateway.Intake;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Tests;

public sealed class TokenAndIdTests
{
    private static TrackingTokens Tokens(string key = "a-tracking-key-of-at-least-32-characters!") =>
        new(Options.Create(new GatewayOptions { TrackingKey = key }));

    [Fact]
    public void New_case_ids_are_well_formed_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => CaseIds.New()).ToArray();
        Assert.All(ids, id => Assert.True(CaseIds.IsWellFormed(id)));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void The_same_client_request_id_gives_the_same_case_id_per_community()
    {
        Assert.Equal(CaseIds.ForClientRequest("ximen", "r-1"), CaseIds.ForClientRequest("ximen", "r-1"));
        Assert.NotEqual(CaseIds.ForClientRequest("ximen", "r-1"), CaseIds.ForClientRequest("ximen", "r-2"));
        Assert.NotEqual(CaseIds.ForClientRequest("ximen", "r-1"), CaseIds.ForClientRequest("dongguan", "r-1"));
    }

    [Fact]
    public void A_token_opens_its_own_case_only()
    {
        var tokens = Tokens();
        var caseId = CaseIds.New();
        var token = tokens.Issue(caseId);
        var other = tokens.Issue(CaseIds.New());

        Assert.Equal(caseId, tokens.Open(token));
        Assert.Null(tokens.Open(caseId + other[CaseIds.Length..]));
        Assert.Null(tokens.Open(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(tokens.Open("garbage"));
        Assert.Null(Tokens("another-key-of-at-least-32-characters-long").Open(token));
    }
}
