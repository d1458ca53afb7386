using System.Text.Json;
using System.Text.Json.Serialization;
using Gongzhi.Cases;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

/// <summary>A silo holding many cases keeps each repeated id once, and rows stored before still load.</summary>
public sealed class SharedStringsTests
{
    // The naming and enums of the silo's grain storage for our state (SiloExtensions.CreateStateSerializer); how it escapes text does not matter here.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public void Equal_values_come_back_as_one_instance()
    {
        var strings = new SharedStrings();
        var first = strings.Share(new string("ximen".AsSpan()));
        var second = strings.Share(new string("ximen".AsSpan()));

        Assert.Equal("ximen", second);
        Assert.Same(first, second);
        Assert.Null(strings.Share(null));
    }

    [Fact]
    public void Long_text_and_values_past_capacity_are_not_pooled()
    {
        var strings = new SharedStrings(capacity: 1, maxLength: 8);
        var longText = new string('x', 9);

        Assert.Same(longText, strings.Share(longText));
        strings.Share("ximen");
        var late = new string("dongguan".AsSpan());
        Assert.Same(late, strings.Share(late));
        Assert.Equal(1, strings.Count);
    }

    [Fact]
    public void Two_cases_loaded_from_storage_share_their_community_category_place_and_cadre()
    {
        var row = JsonSerializer.Serialize(CaseFixtures.Assigned("wang"), Json);
        var strings = new SharedStrings();
        var a = JsonSerializer.Deserialize<CaseRecord>(row, Json)!;
        var b = JsonSerializer.Deserialize<CaseRecord>(row, Json)!;
        Assert.NotSame(a.CommunityId, b.CommunityId);

        a.ShareStrings(strings);
        b.ShareStrings(strings);

        Assert.Same(a.CommunityId, b.CommunityId);
        Assert.Same(a.Submission!.Category, b.Submission!.Category);
        Assert.Same(a.Submission.Location.Compound, b.Submission.Location.Compound);
        Assert.Same(a.Terms!.SubdistrictId, b.Terms!.SubdistrictId);
        Assert.Same(a.AssigneeId, b.AssigneeId);
        Assert.Same(a.Timeline[^1].ActorName, b.Timeline[^1].ActorName);
        Assert.Same(a.Terms, b.Terms);
        Assert.Same(a.Submission.Location, b.Submission.Location);
        Assert.Equal(JsonSerializer.Serialize(CaseFixtures.Assigned("wang"), Json), JsonSerializer.Serialize(a, Json));
    }

    [Fact]
    public void A_case_keeps_its_submission_without_the_clients_request_id_and_with_shared_places()
    {
        var strings = new SharedStrings();
        var sent = CaseFixtures.Submission() with { ClientRequestId = "phone-7f3a-0001" };

        var kept = CaseRecord.Kept(sent, strings);
        var again = CaseRecord.Kept(sent with { Category = new string(sent.Category) }, strings);

        Assert.Null(kept.ClientRequestId);
        Assert.Equal(sent with { ClientRequestId = null }, kept);
        Assert.Same(kept.Category, again.Category);
        Assert.Same(kept.Location, again.Location);
    }

    [Fact]
    public void A_row_stored_with_a_client_request_id_loads_without_it()
    {
        var record = CaseFixtures.Assigned("wang");
        record.Submission = record.Submission! with { ClientRequestId = "phone-7f3a-0001" };
        var loaded = JsonSerializer.Deserialize<CaseRecord>(JsonSerializer.Serialize(record, Json), Json)!;

        loaded.ShareStrings(new SharedStrings());

        Assert.Null(loaded.Submission!.ClientRequestId);
        Assert.Equal(record.Submission with { ClientRequestId = null }, loaded.Submission);
    }

    [Fact]
    public void Records_are_pooled_by_value_up_to_the_capacity()
    {
        var strings = new SharedStrings(capacity: 1);
        var first = strings.ShareRecord(new CaseLocation("ximen", "3", null));

        Assert.Same(first, strings.ShareRecord(new CaseLocation("ximen", "3", null)));
        var other = new CaseLocation("dongguan", "1", "2");
        Assert.Same(other, strings.ShareRecord(other));
        Assert.Null(strings.ShareRecord<CaseLocation>(null));
        Assert.Equal(1, strings.RecordCount);
    }

    [Fact]
    public void A_row_written_when_the_id_lists_were_lists_still_loads()
    {
        var record = CaseFixtures.Assigned("wang");
        var row = JsonSerializer.Serialize(record, Json)
            .Replace("\"followers\":[]", "\"followers\":[\"c2\",\"c3\"]", StringComparison.Ordinal)
            .Replace("\"passedOver\":[]", "\"passedOver\":[\"li\"]", StringComparison.Ordinal);

        var loaded = JsonSerializer.Deserialize<CaseRecord>(row, Json)!;

        Assert.Equal(["c2", "c3"], loaded.Followers);
        Assert.Equal(["li"], loaded.PassedOver);
        Assert.Empty(loaded.PossibleDuplicates);
        Assert.Equal(["c2", "c3"], loaded.ToSnapshot().Followers);
    }
}
