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
    public void The_same_client_request_id_and_body_give_the_same_case_id_and_any_other_body_another()
    {
        var sent = new SubmitCaseRequest("ximen", Cases.CaseKind.Service, "heating", "暖气不热", new Cases.CaseLocation("huiqian-xinyuan", "A", null),
            new Cases.ContactInfo("李福", "13800000000"), "0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal(CaseIds.ForClientRequest(sent), CaseIds.ForClientRequest(sent with { }));
        Assert.NotEqual(CaseIds.ForClientRequest(sent), CaseIds.ForClientRequest(sent with { ClientRequestId = "7c9e6679-7425-40de-944b-e07fc1f90ae7" }));
        Assert.NotEqual(CaseIds.ForClientRequest(sent), CaseIds.ForClientRequest(sent with { CommunityId = "dongguan" }));
        Assert.NotEqual(CaseIds.ForClientRequest(sent), CaseIds.ForClientRequest(sent with { Description = "暖气不热了" }));
        Assert.NotEqual(CaseIds.ForClientRequest(sent), CaseIds.ForClientRequest(sent with { Contact = new Cases.ContactInfo("Mallory", "13800000000") }));
        Assert.NotEqual(CaseIds.ForClientRequest(sent), CaseIds.ForClientRequest(sent with { Location = new Cases.CaseLocation("huiqian-xinyuan", "B", null) }));
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
