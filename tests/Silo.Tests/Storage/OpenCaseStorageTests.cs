using Gongzhi.Domain;
using Gongzhi.Silo.Grains;
using static Gongzhi.Domain.Tests.CaseFixtures;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>A community's open cases through the grain storage's JSON: they read and write as before.</summary>
public sealed class OpenCaseStorageTests
{
    [Fact]
    public void A_chunk_of_open_cases_reads_back_equal()
    {
        var chunk = new OpenCaseChunk
        {
            Cases =
            [
                new OpenCase(new OpenCaseEntry("c1", "heating", "jishikou", "64", T0), "wang", T0.AddSeconds(2)),
                new OpenCase(new OpenCaseEntry("c2", "water", "jishikou", null, T0.AddMinutes(1)), waitingPassedOver: ["li"]),
            ],
        };

        var back = StoredJson.RoundTrip(chunk);

        Assert.Equal(chunk.Cases[0], back.Cases[0]);
        Assert.Equal(T0.AddSeconds(2), back.Cases[0].AssignedAt);
        Assert.Equal(T0.AddMinutes(1), back.Cases[1].Case.SubmittedAt);
        Assert.Null(back.Cases[1].AssignedAt);
        Assert.Equal(["li"], back.Cases[1].WaitingPassedOver!);
    }

    [Fact]
    public void A_row_as_stored_before_reads_as_the_same_cases()
    {
        const string stored = """
            {"cases":[{"case":{"caseId":"c1","category":"heating","compound":"jishikou","building":"64","submittedAt":"2026-11-27T16:00:00+08:00"},
                       "assigneeId":"wang","assignedAt":"2026-11-27T08:00:02+00:00","waitingPassedOver":null}]}
            """;

        var back = StoredJson.Read<OpenCaseChunk>(stored);

        Assert.Equal(new OpenCase(new OpenCaseEntry("c1", "heating", "jishikou", "64", T0), "wang", T0.AddSeconds(2)), back.Cases.Single());
        var json = StoredJson.Write(back)["cases"]![0]!;
        Assert.Equal(T0, json["case"]!["submittedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(T0.AddSeconds(2), json["assignedAt"]!.GetValue<DateTimeOffset>());
    }
}
