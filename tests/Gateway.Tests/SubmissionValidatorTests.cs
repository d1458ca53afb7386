using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Intake;

namespace Gongzhi.Gateway.Tests;

public sealed class SubmissionValidatorTests
{
    private const string Valid = """
        {"communityId":"ximen","kind":"grievance","category":"planning-sunlight","description":"前楼遮光",
         "location":{"compound":"ximen-xiaoqu","building":"64","unit":"2"},"contact":{"name":"王女士","phone":"13912345678"}}
        """;

    private static readonly CommunityInfo Ximen = new("ximen", "西门社区", "Ximen", "wenshang-subdistrict", "wenshang",
        [new CompoundInfo("ximen-xiaoqu", "西门小区", "Ximen", ["63", "64"])],
        [new CategoryInfo("planning-sunlight", "规划与采光", "Planning", HandlingMode.LeadThrough)]);

    private static (SubmitCaseRequest? Request, Dictionary<string, string[]> Errors) Parse(string json)
    {
        var errors = new Dictionary<string, string[]>();
        using var doc = JsonDocument.Parse(json);
        var request = SubmissionValidator.Parse(doc.RootElement, errors);
        if (request is not null)
        {
            SubmissionValidator.CheckAgainst(request, Ximen, errors);
        }

        return (request, errors);
    }

    private static string With(string path, string? json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        var parts = path.Split('.');
        var parent = parts.Length == 2 ? node[parts[0]]!.AsObject() : node;
        if (json is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }

        return node.ToJsonString();
    }

    [Fact]
    public void A_valid_submission_passes_with_every_field_read()
    {
        var (request, errors) = Parse(Valid);

        Assert.Empty(errors);
        Assert.Equal(CaseKind.Grievance, request!.Kind);
        Assert.Equal(new CaseLocation("ximen-xiaoqu", "64", "2"), request.Location);
        Assert.Equal("13912345678", request.Contact.Phone);
    }

    [Theory]
    [InlineData("communityId", null)]
    [InlineData("kind", null)]
    [InlineData("kind", "\"complaint\"")]
    [InlineData("category", "\"\"")]
    [InlineData("description", null)]
    [InlineData("description", "42")]
    [InlineData("location", null)]
    [InlineData("location.compound", null)]
    [InlineData("contact", "\"me\"")]
    [InlineData("contact.name", null)]
    [InlineData("contact.phone", "\"12345\"")]
    [InlineData("contact.phone", "\"2345678901a\"")]
    [InlineData("clientRequestId", "\"has spaces\"")]
    public void Each_fault_is_reported_against_its_field(string field, string? value)
    {
        var (_, errors) = Parse(With(field, value));
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void A_description_over_4000_characters_is_refused()
    {
        var (_, errors) = Parse(With("description", JsonSerializer.Serialize(new string('字', 4001))));
        Assert.Contains("4000", errors["description"][0]);
    }

    [Theory]
    [InlineData("category", "\"heating\"")]
    [InlineData("location.compound", "\"nowhere\"")]
    [InlineData("location.building", "\"99\"")]
    public void Ids_the_community_does_not_list_are_refused(string field, string value)
    {
        var (_, errors) = Parse(With(field, value));
        Assert.Contains(field, errors.Keys);
    }

    [Theory]
    [InlineData("13800000000")]
    [InlineData("+86 13800000000")]
    [InlineData("0537-7212345")]
    public void Mobile_and_landline_numbers_pass(string phone)
    {
        var (_, errors) = Parse(With("contact.phone", JsonSerializer.Serialize(phone)));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        var (_, errors) = Parse("[1,2]");
        Assert.Contains("body", errors.Keys);
    }
}
