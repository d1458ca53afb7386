using Gongzhi.Cases;
using Gongzhi.Domain;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>A case's record through the grain storage's JSON: its instants read and write as timestamps.</summary>
public sealed class CaseRecordStorageTests
{
    [Fact]
    public void A_resolved_case_reads_back_with_every_instant()
    {
        var record = Resolved();
        record.WatchedDeadline = T0.AddHours(5);

        var back = StoredJson.RoundTrip(record);

        Assert.NotNull(record.AcceptedAt);
        Assert.NotNull(record.AcknowledgedAt);
        Assert.NotNull(record.ResolvedAt);
        Assert.NotNull(record.FirstAcknowledgeBy);
        Assert.NotNull(record.FirstResolveBy);
        Assert.Equal(
            (record.AcceptedAt, record.AcknowledgedAt, record.ResolvedAt, record.FirstAcknowledgeBy, record.FirstResolveBy, record.WatchedDeadline),
            (back.AcceptedAt, back.AcknowledgedAt, back.ResolvedAt, back.FirstAcknowledgeBy, back.FirstResolveBy, back.WatchedDeadline));
        Assert.Equal(record.ToFact(), back.ToFact());
    }

    [Fact]
    public void The_stored_json_holds_each_instant_as_a_timestamp_under_its_own_name()
    {
        var record = Accepted();

        var json = StoredJson.Write(record).AsObject();

        Assert.Equal(record.AcceptedAt, json["acceptedAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(json["resolvedAt"]);
        Assert.DoesNotContain(json, p => p.Key.StartsWith('_'));
    }

    [Fact]
    public void A_row_written_with_another_offset_reads_as_the_same_instants()
    {
        var record = Accepted();
        var json = StoredJson.Write(record).AsObject();
        json["acknowledgedAt"] = "2026-11-27T16:05:00+08:00";
        json["reminderTarget"] = null;

        var back = StoredJson.Read<CaseRecord>(json.ToJsonString());

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 5, 0, TimeSpan.Zero), back.AcknowledgedAt);
        Assert.Null(back.WatchedDeadline);
        Assert.Equal(record.AcceptedAt, back.AcceptedAt);
    }
}
