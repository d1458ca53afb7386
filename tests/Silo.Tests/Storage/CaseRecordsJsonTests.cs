using System.Text;
using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>
/// The case records write and read the same JSON in grain storage (the silo's state serializer) and over HTTP
/// and the intake queue (web defaults, camelCase enums, as <see cref="IntakeMessage.Json"/> and the gateway's
/// options): rows stored and messages queued before still load. Storage keeps Chinese text as UTF-8 (<c>StoredText</c>,
/// half the bytes); HTTP and the queue escape it, and storage reads either.
/// </summary>
public sealed class CaseRecordsJsonTests
{
    private static readonly IGrainStorageSerializer Storage = StoredJson.Serializer;

    /// <summary>
    /// Each sample with the text written for it over HTTP and the queue, then in grain storage (whose options
    /// leave nulls out).
    /// </summary>
    public static TheoryData<object, string, string> WrittenBefore() => new()
    {
        {
            CaseRecordSamples.Submission,
            """
            {"caseId":"c1","communityId":"ximen","kind":"service","category":"heating","description":"\u6696\u6C14\u4E0D\u70ED","location":{"compound":"huiqian-xinyuan","building":"A","unit":null},"contact":{"name":"\u674E\u798F","phone":"13800000000"},"clientRequestId":"req-7","submittedAt":"2026-11-27T08:00:00.1234567+00:00"}
            """,
            """
            {"caseId":"c1","communityId":"ximen","kind":"service","category":"heating","description":"暖气不热","location":{"compound":"huiqian-xinyuan","building":"A"},"contact":{"name":"李福","phone":"13800000000"},"clientRequestId":"req-7","submittedAt":"2026-11-27T08:00:00.1234567+00:00"}
            """
        },
        {
            CaseRecordSamples.Event,
            """
            {"seq":3,"type":"assigned","status":"assigned","at":"2026-11-27T08:00:00.1234567+00:00","actor":"system","actorName":"\u738B\u82B3","note":"offer","reference":"ref-1"}
            """,
            """
            {"seq":3,"type":"assigned","status":"assigned","at":"2026-11-27T08:00:00.1234567+00:00","actor":"system","actorName":"王芳","note":"offer","reference":"ref-1"}
            """
        },
        {
            CaseRecordSamples.EventWithoutReference,
            """
            {"seq":1,"type":"submitted","status":"submitted","at":"2026-11-27T08:00:00+00:00","actor":"resident","actorName":null,"note":null,"reference":null}
            """,
            """
            {"seq":1,"type":"submitted","status":"submitted","at":"2026-11-27T08:00:00+00:00","actor":"resident"}
            """
        },
        {
            CaseRecordSamples.Deadlines,
            """
            {"offerExpiresAt":"2026-11-27T08:10:00+00:00","acknowledgeBy":"2026-11-27T10:00:00+00:00","resolveBy":"2026-11-28T08:00:00+00:00","rateBy":"2026-12-04T08:00:00.1234567+00:00"}
            """,
            """
            {"offerExpiresAt":"2026-11-27T08:10:00+00:00","acknowledgeBy":"2026-11-27T10:00:00+00:00","resolveBy":"2026-11-28T08:00:00+00:00","rateBy":"2026-12-04T08:00:00.1234567+00:00"}
            """
        },
        {
            CaseDeadlines.None,
            """
            {"offerExpiresAt":null,"acknowledgeBy":null,"resolveBy":null,"rateBy":null}
            """,
            """
            {}
            """
        },
        {
            CaseRecordSamples.Fact,
            """
            {"caseId":"c1","communityId":"ximen","subdistrictId":"wenshang-subdistrict","category":"heating","kind":"grievance","cadreId":"wang","submittedAt":"2026-11-27T08:00:00+00:00","acceptedAt":"2026-11-27T08:00:01+00:00","acknowledgedAt":"2026-11-27T08:20:00+00:00","acknowledgeBy":"2026-11-27T10:00:00+00:00","resolvedAt":"2026-11-27T13:00:00.1234567+00:00","resolveBy":"2026-11-28T08:00:00+00:00","resolvedAtLevel":"subdistrict","rating":"basically","closure":"rated","seq":9}
            """,
            """
            {"caseId":"c1","communityId":"ximen","subdistrictId":"wenshang-subdistrict","category":"heating","kind":"grievance","cadreId":"wang","submittedAt":"2026-11-27T08:00:00+00:00","acceptedAt":"2026-11-27T08:00:01+00:00","acknowledgedAt":"2026-11-27T08:20:00+00:00","acknowledgeBy":"2026-11-27T10:00:00+00:00","resolvedAt":"2026-11-27T13:00:00.1234567+00:00","resolveBy":"2026-11-28T08:00:00+00:00","resolvedAtLevel":"subdistrict","rating":"basically","closure":"rated","seq":9}
            """
        },
        {
            CaseRecordSamples.OpenFact,
            """
            {"caseId":"c2","communityId":"ximen","subdistrictId":"wenshang-subdistrict","category":"water","kind":"suggestion","cadreId":null,"submittedAt":"2026-11-27T08:00:00.1234567+00:00","acceptedAt":null,"acknowledgedAt":null,"acknowledgeBy":null,"resolvedAt":null,"resolveBy":null,"resolvedAtLevel":null,"rating":null,"closure":null,"seq":0}
            """,
            """
            {"caseId":"c2","communityId":"ximen","subdistrictId":"wenshang-subdistrict","category":"water","kind":"suggestion","submittedAt":"2026-11-27T08:00:00.1234567+00:00","seq":0}
            """
        },
    };

    [Theory]
    [MemberData(nameof(WrittenBefore))]
    public void Each_record_is_written_as_before(object sample, string web, string stored)
    {
        Assert.Equal(web, JsonSerializer.Serialize(sample, sample.GetType(), IntakeMessage.Json));
        Assert.Equal(stored, Encoding.UTF8.GetString(Storage.Serialize(sample).ToArray()));
    }

    [Theory]
    [MemberData(nameof(WrittenBefore))]
    public void What_was_written_before_reads_as_an_equal_record(object sample, string web, string stored)
    {
        Assert.Equal(sample, JsonSerializer.Deserialize(web, sample.GetType(), IntakeMessage.Json));
        Assert.Equal(sample, FromStorage(web, sample.GetType()));
        Assert.Equal(sample, FromStorage(stored, sample.GetType()));
    }

    [Fact]
    public void An_instant_stored_at_another_offset_reads_as_the_same_instant()
    {
        const string Beijing = """{"offerExpiresAt":"2026-11-27T16:10:00+08:00"}""";

        var read = (CaseDeadlines)FromStorage(Beijing, typeof(CaseDeadlines));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 10, 0, TimeSpan.Zero), read.OfferExpiresAt);
    }

    [Fact]
    public void A_queued_message_of_submissions_reads_back_equal()
    {
        var message = new IntakeMessage(IntakeMessage.CurrentVersion, [CaseRecordSamples.Submission, CaseRecordSamples.Submission with { CaseId = "c2" }]);

        var back = IntakeMessage.Parse(message.ToJson());

        Assert.Equal(message.Submissions, back.Submissions);
        Assert.Equal(message.ToJson(), IntakeMessage.Compose(message.Submissions.Select(IntakeMessage.ToJson)));
    }

    private static object FromStorage(string json, Type type)
    {
        var data = new BinaryData(Encoding.UTF8.GetBytes(json));
        return type == typeof(CaseSubmission) ? Storage.Deserialize<CaseSubmission>(data)!
            : type == typeof(CaseEvent) ? Storage.Deserialize<CaseEvent>(data)!
            : type == typeof(CaseDeadlines) ? Storage.Deserialize<CaseDeadlines>(data)!
            : type == typeof(CaseFact) ? Storage.Deserialize<CaseFact>(data)!
            : throw new ArgumentException(type.Name);
    }
}
