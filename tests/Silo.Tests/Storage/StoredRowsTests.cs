using System.Text;
using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Gongzhi.Silo.Archive;
using Gongzhi.Domain;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Metrics;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>
/// Golden rows: the exact text the silo stores for each kind of state (table rows, archive blobs, intake messages),
/// in <c>StoredRows/</c>. What the code writes must match them byte for byte, and each reads back and is written
/// again unchanged, so rows already in storage keep loading. The community, cadre and directory rows are as a dev
/// run left them in <c>.azurite/</c>. A change to a stored shape fails here first; change a golden file only on purpose.
/// </summary>
public sealed class StoredRowsTests
{
    private static readonly Dictionary<string, Golden> Goldens = new Golden[]
    {
        Stored("case", StoredRowSamples.Case),
        Stored("case-accepted", StoredRowSamples.AcceptedCase),
        Stored<OpenCaseChunk>("open-cases-chunk", StoredRowSamples.OpenCases),
        Stored<OpenCaseChunk>("open-cases-chunk-with-tally", StoredRowSamples.OpenCasesWithTally),
        Stored<MetricsState>("metrics", StoredRowSamples.Metrics),
        Stored<MetricsState>("metrics-with-shared-chunks", StoredRowSamples.MetricsWithSharedChunks),
        Stored<CaseFactChunk>("case-facts-chunk", StoredRowSamples.CaseFacts),
        Stored<LevelQueueState>("level-queue", StoredRowSamples.LevelQueue),
        Stored<VideoPetitionIndexState>("video-petition-index", StoredRowSamples.VideoPetitionIndex),
        Stored<ConsultationRecord>("consultation", StoredRowSamples.Consultation),
        Stored<ConsultationIndexState>("consultation-index", StoredRowSamples.ConsultationIndex),
        Stored<InvitationInboxState>("invitation-inbox", StoredRowSamples.InvitationInbox),
        Stored<VideoPetitionRecord>("video-petition", StoredRowSamples.VideoPetition),
        Stored<CommunityState>("community", null),
        Stored<CommunityState>("community-with-cases", null),
        Stored<CommunityState>("community-with-tally", null),
        Stored<CadreState>("cadre", null),
        Stored<CommunityDirectoryState>("directory", null),
        Stored<CountyCatalogState>("county-catalog", StoredRowSamples.CountyCatalog),
        new("archived-events", () => StoredRowSamples.ArchivedEvents(),
            o => JsonSerializer.Serialize((CaseEvent[])o, BlobCaseArchive.Json),
            json => JsonSerializer.Serialize(JsonSerializer.Deserialize<CaseEvent[]>(json, BlobCaseArchive.Json), BlobCaseArchive.Json)),
        new("intake-message", () => StoredRowSamples.IntakeMessage(), o => ((IntakeMessage)o).ToJson(), json => IntakeMessage.Parse(json).ToJson()),
    }.ToDictionary(g => g.Name);

    public static TheoryData<string> All() => [.. Goldens.Keys];

    public static TheoryData<string> Written() => [.. Goldens.Values.Where(g => g.Sample is not null).Select(g => g.Name)];

    [Theory]
    [MemberData(nameof(Written))]
    public void Each_state_is_stored_as_its_golden_row(string name)
    {
        var golden = Goldens[name];

        Assert.Equal(Text(name), golden.Write(golden.Sample!()));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Each_golden_row_loads_and_is_stored_again_unchanged(string name)
    {
        Assert.Equal(Text(name), Goldens[name].Rewrite(Text(name)));
    }

    [Fact]
    public void A_community_stored_before_the_fair_share_tally_loads_without_one_and_one_stored_with_it_keeps_its_days()
    {
        var before = StoredJson.Read<CommunityState>(Text("community-with-cases"));
        var with = StoredJson.Read<CommunityState>(Text("community-with-tally"));

        Assert.All(before.Cadres.Values, c => Assert.Null(c.RecentlyGiven));
        var tally = with.Cadres["wang-liqun"].RecentlyGiven!;
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 45, 0, TimeSpan.Zero).AddTicks(1234567), tally.Through);
        Assert.Equal(new[] { 2, 0, 1 }, tally.Counts);
        Assert.Equal(3, tally.CountWithin(tally.Through!.Value));
        Assert.Null(with.Cadres["li-jianguo"].RecentlyGiven);
    }

    [Fact]
    public void A_chunk_stored_before_the_tally_moved_into_the_chunks_loads_without_one_and_one_stored_with_it_keeps_each_cadres_days()
    {
        var before = StoredJson.Read<OpenCaseChunk>(Text("open-cases-chunk"));
        var with = StoredJson.Read<OpenCaseChunk>(Text("open-cases-chunk-with-tally"));

        Assert.Null(before.Given);
        Assert.Equal(3, with.Cases.Count);
        var wang = with.Given!["wang"];
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 2, TimeSpan.Zero).AddTicks(1234567), wang.Through);
        Assert.Equal(new[] { 1, 0, 2 }, wang.Counts);
        Assert.Equal(1, with.Given["li"].CountWithin(wang.Through!.Value));
    }

    [Fact]
    public void A_chunk_stored_with_each_cases_id_and_waiting_flag_beside_it_loads_the_same_cases_and_is_stored_without_them()
    {
        var before = StoredJson.Read<OpenCaseChunk>(Text("open-cases-chunk-with-derived-fields"));

        Assert.Equal(["c1", "c2", "c3"], before.Cases.Select(c => c.CaseId));
        Assert.Equal([false, true, false], before.Cases.Select(c => c.IsWaiting));
        Assert.Equal(Text("open-cases-chunk"), Goldens["open-cases-chunk"].Rewrite(Text("open-cases-chunk-with-derived-fields")));
    }

    [Fact]
    public void Chinese_text_is_stored_as_utf8_and_a_row_stored_escaped_loads_the_same_and_is_stored_as_utf8()
    {
        var escaped = Text("case-escaped");
        var stored = Text("case");

        Assert.Contains("\\u6696\\u6C14", escaped);
        Assert.Contains("暖气不热，\\u0022三天了\\u0022", stored);
        Assert.Equal(stored, Goldens["case"].Rewrite(escaped));
        // Each Chinese character in the row takes its 3 bytes of UTF-8 instead of 6 for \uXXXX.
        var chinese = stored.Count(c => c > 0x7F);
        Assert.True(chinese >= 12, $"{chinese} Chinese characters");
        Assert.Equal(Encoding.UTF8.GetByteCount(escaped) - (chinese * 3), Encoding.UTF8.GetByteCount(stored));
    }

    [Fact]
    public void A_main_row_listing_shared_chunks_cannot_be_read_by_a_silo_from_before_them_and_one_without_can()
    {
        // What a silo from before reads a main row as: the list of chunks as plain ids (D16-shared-chunks).
        Assert.Throws<System.Text.Json.JsonException>(() => StoredJson.Read<MainRowBeforeSharedChunks>(Text("metrics-with-shared-chunks")));
        Assert.Equal([0, 2], StoredJson.Read<MainRowBeforeSharedChunks>(Text("metrics")).Chunks);

        var shared = StoredJson.Read<MetricsState>(Text("metrics-with-shared-chunks")).Chunks;
        Assert.Equal([0, 2, 3], shared);
        Assert.Equal(2, shared.SharedFrom);
        Assert.Equal([false, true, true], shared.Select(shared.IsShared));
        Assert.DoesNotContain(StoredJson.Read<MetricsState>(Text("metrics")).Chunks, c => StoredJson.Read<MetricsState>(Text("metrics")).Chunks.IsShared(c));
    }

    [Fact]
    public void A_stored_case_loads_with_every_field_it_had()
    {
        var loaded = StoredJson.Read<CaseRecord>(Text("case"));

        var sample = StoredRowSamples.Case();
        Assert.Equal(sample.Submission, loaded.Submission);
        Assert.Equal(sample.Timeline, loaded.Timeline);
        Assert.Equal(sample.Deadlines, loaded.Deadlines);
        Assert.Equal(sample.ToFact(), loaded.ToFact());
        Assert.Equal(sample.WatchedDeadline, loaded.WatchedDeadline);
        Assert.Equal(sample.FollowUp, loaded.FollowUp);
        Assert.Equal(
            (sample.Status, sample.Mode, sample.Level, sample.ReopenCount, sample.MergedInto, sample.AcknowledgeOverdueNoted),
            (loaded.Status, loaded.Mode, loaded.Level, loaded.ReopenCount, loaded.MergedInto, loaded.AcknowledgeOverdueNoted));
        Assert.Equal([.. sample.Followers, .. sample.PossibleDuplicates, .. sample.PassedOver, .. sample.ArchivedChunks],
            [.. loaded.Followers, .. loaded.PossibleDuplicates, .. loaded.PassedOver, .. loaded.ArchivedChunks]);
    }

    private static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StoredRows", name + ".json"), Encoding.UTF8).TrimEnd('\n', '\r');

    private static Golden Stored<T>(string name, Func<T>? sample) =>
        new(name, sample is null ? null : () => sample()!,
            o => Utf8(StoredJson.Serializer.Serialize((T)o)),
            json => Utf8(StoredJson.Serializer.Serialize(StoredJson.Read<T>(json))));

    private static string Utf8(BinaryData data) => Encoding.UTF8.GetString(data.ToArray());

    public sealed class MainRowBeforeSharedChunks
    {
        public List<int> Chunks { get; set; } = [];

        public int NextChunk { get; set; }
    }

    private sealed record Golden(string Name, Func<object>? Sample, Func<object, string> Write, Func<string, string> Rewrite);
}
