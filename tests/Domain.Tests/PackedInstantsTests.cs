using Gongzhi.Cases;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

/// <summary>A case record's instants and deadlines, packed in memory, read back as they were set.</summary>
public sealed class PackedInstantsTests
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 3, 8, 30, 15, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public void A_record_gives_back_each_instant_it_was_given_and_null_where_none_was()
    {
        var record = new CaseRecord { AcceptedAt = T0, ResolvedAt = T0.AddHours(5), WatchedDeadline = T0.AddDays(1) };

        Assert.Equal(T0, record.AcceptedAt);
        Assert.Equal(T0.AddHours(5), record.ResolvedAt);
        Assert.Equal(T0.AddDays(1), record.WatchedDeadline);
        Assert.Null(record.AcknowledgedAt);
        record.ResolvedAt = null;
        Assert.Null(record.ResolvedAt);
    }

    [Fact]
    public void An_instant_at_another_offset_comes_back_as_the_same_instant()
    {
        var record = new CaseRecord { AcceptedAt = new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.FromHours(8)) };

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 30, 0, TimeSpan.Zero), record.AcceptedAt);
    }

    [Fact]
    public void Deadlines_read_back_whole_and_a_new_record_has_none()
    {
        var deadlines = new CaseDeadlines(T0.AddMinutes(10), null, T0.AddDays(7), null);
        var record = new CaseRecord { Deadlines = deadlines };

        Assert.Equal(deadlines, record.Deadlines);
        Assert.Equal(CaseDeadlines.None, new CaseRecord().Deadlines);
        record.Deadlines = CaseDeadlines.None;
        Assert.Equal(CaseDeadlines.None, record.Deadlines);
    }
}
