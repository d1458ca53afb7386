using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>The case records cross between silo and gateway through Orleans' serializer with every field.</summary>
public sealed class CaseRecordsWireTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(CaseFact).Assembly))
        .BuildServiceProvider();

    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();
    private static readonly DeepCopier Copier = Services.GetRequiredService<DeepCopier>();

    public static TheoryData<object> Samples() => CaseRecordSamples.All();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_record_comes_back_equal_with_every_instant(object sample)
    {
        var back = Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(sample))!;

        Assert.Equal(sample.GetType(), back.GetType());
        Assert.Equal(sample, back);
        Assert.Equal(Instants(sample), Instants(back));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_deep_copy_is_equal(object sample)
    {
        Assert.Equal(sample, Copier.Copy(sample));
    }

    [Fact]
    public void A_timeline_and_deadlines_inside_a_message_come_back_equal()
    {
        var message = new List<object> { CaseRecordSamples.Submission, new List<CaseEvent> { CaseRecordSamples.EventWithoutReference, CaseRecordSamples.Event }, CaseRecordSamples.Deadlines };

        var back = Serializer.Deserialize<List<object>>(Serializer.SerializeToArray(message))!;

        Assert.Equal(CaseRecordSamples.Submission, back[0]);
        Assert.Equal([CaseRecordSamples.EventWithoutReference, CaseRecordSamples.Event], (List<CaseEvent>)back[1]);
        Assert.Equal(CaseRecordSamples.Deadlines, back[2]);
    }

    [Fact]
    public void A_fact_changed_with_a_with_expression_crosses_with_its_change()
    {
        var closed = CaseRecordSamples.OpenFact with { ResolvedAt = CaseRecordSamples.Fact.ResolvedAt, Closure = CaseClosure.NoResponse };

        var back = Serializer.Deserialize<CaseFact>(Serializer.SerializeToArray(closed))!;

        Assert.Equal(CaseRecordSamples.Fact.ResolvedAt, back.ResolvedAt);
        Assert.Null(back.AcceptedAt);
        Assert.Equal(closed, back);
    }

    [Fact]
    public void Every_level_rating_and_closure_a_fact_can_hold_comes_back()
    {
        var combinations =
            from level in Enum.GetValues<CaseLevel>()
            from rating in Enum.GetValues<SatisfactionRating>()
            from closure in Enum.GetValues<CaseClosure>()
            select (level, rating, closure);
        foreach (var (level, rating, closure) in combinations)
        {
            var fact = CaseRecordSamples.OpenFact with { ResolvedAtLevel = level, Rating = rating, Closure = closure };

            Assert.Equal((level, rating, closure), (fact.ResolvedAtLevel, fact.Rating, fact.Closure));
            Assert.Equal(fact, Serializer.Deserialize<CaseFact>(Serializer.SerializeToArray(fact)));
        }
    }

    [Fact]
    public void A_snapshot_and_an_update_of_a_case_with_every_field_come_back_with_every_field()
    {
        var record = StoredRowSamples.Case();
        object[] messages = [record.ToSnapshot(), record.ToUpdate(record.Timeline[^1], previousAssigneeId: "li", formerLevelOwnerId: "ximen")];

        foreach (var message in messages)
        {
            var back = Serializer.Deserialize<object>(Serializer.SerializeToArray(message))!;

            Assert.Equal(JsonSerializer.Serialize(message, IntakeMessage.Json), JsonSerializer.Serialize(back, IntakeMessage.Json));
            Assert.Equal(JsonSerializer.Serialize(message, IntakeMessage.Json), JsonSerializer.Serialize(Copier.Copy(message), IntakeMessage.Json));
        }
    }

    // The public instants of a sample, so a failure names the one that did not survive.
    private static DateTimeOffset?[] Instants(object record) => record switch
    {
        CaseSubmission s => [s.SubmittedAt],
        CaseEvent e => [e.At],
        CaseDeadlines d => [d.OfferExpiresAt, d.AcknowledgeBy, d.ResolveBy, d.RateBy],
        CaseFact f => [f.SubmittedAt, f.AcceptedAt, f.AcknowledgedAt, f.AcknowledgeBy, f.ResolvedAt, f.ResolveBy],
        _ => throw new ArgumentException(record.GetType().Name),
    };
}
