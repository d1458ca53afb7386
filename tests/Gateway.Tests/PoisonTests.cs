using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Staff see the intake messages the silos gave up on and an admin moves them back: each gateway here has a
/// poison queue and an intake queue of its own, which no silo reads.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class PoisonTests(GatewayFixture fixture)
{
    private readonly string _poison = "poison-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _intake = "intake-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task An_admin_sees_every_entry_and_a_dispatcher_only_those_of_their_communities()
    {
        await using var gateway = Gateway();
        var (ximenCase, otherCase) = await FillPoisonAsync();

        var admin = await (await ClientAsync(gateway, "admin", "root", "wenshang")).GetFromJsonAsync<JsonObject>("/api/v1/intake/poison");
        var dispatcher = await (await ClientAsync(gateway, "dispatcher", "d-ximen", "ximen")).GetFromJsonAsync<JsonObject>("/api/v1/intake/poison");

        Assert.Equal(3, admin!["count"]!.GetValue<int>());
        var entries = admin["entries"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e!["caseIds"]!.AsArray().Any(c => c!.GetValue<string>() == ximenCase));
        Assert.Contains(entries, e => e!["communityIds"]!.AsArray().Any(c => c!.GetValue<string>() == "atlantis") && e["caseIds"]![0]!.GetValue<string>() == otherCase);
        var bad = Assert.Single(entries, e => e!["unparseable"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(bad!["messageId"]!.GetValue<string>()));

        Assert.Equal(3, dispatcher!["count"]!.GetValue<int>());
        var mine = Assert.Single(dispatcher["entries"]!.AsArray());
        Assert.Equal(ximenCase, mine!["caseIds"]![0]!.GetValue<string>());
        Assert.Equal("ximen", mine["communityIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_an_admin_replays_and_every_message_moves_back_to_intake()
    {
        await using var gateway = Gateway();
        await FillPoisonAsync();
        var dispatcher = await ClientAsync(gateway, "dispatcher", "d-ximen", "ximen");
        var cadre = await ClientAsync(gateway, "cadre", "c-ximen", "ximen");
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync("/api/v1/intake/poison")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("/api/v1/intake/poison")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync("/api/v1/intake/poison/replay", null)).StatusCode);

        var admin = await ClientAsync(gateway, "admin", "root", "wenshang");
        var replay = await admin.PostAsync("/api/v1/intake/poison/replay", null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(3, (await replay.Content.ReadFromJsonAsync<JsonObject>())!["moved"]!.GetValue<int>());
        Assert.Empty((await Queue(_poison).PeekMessagesAsync(32)).Value);
        var moved = (await Queue(_intake).PeekMessagesAsync(32)).Value;
        Assert.Equal(3, moved.Length);
        Assert.Contains(moved, m => m.Body.ToString() == "not json {");
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonObject>("/api/v1/intake/poison"))!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_replayed_message_of_the_batched_queue_goes_back_to_the_batched_queue()
    {
        // Its case may be kept in the shared partitions already (a write whose answer was lost): only a silo that reads
        // the batched queue may take it again, never one from before it (D16-batched-inserts).
        await using var gateway = Gateway();
        var poison = Queue(_poison);
        await poison.CreateIfNotExistsAsync();
        var caseId = "b" + Guid.NewGuid().ToString("N")[..15];
        await poison.SendMessageAsync(new IntakeMessage(IntakeMessage.BatchedVersion, [Submission(caseId, "ximen")]).ToJson());
        await Queue(_intake).CreateIfNotExistsAsync();
        var admin = await ClientAsync(gateway, "admin", "root", "wenshang");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/intake/poison/replay", null)).StatusCode);

        var moved = Assert.Single((await Queue(IntakeMessage.BatchedQueueOf(_intake)).PeekMessagesAsync(32)).Value);
        Assert.Contains(caseId, moved.Body.ToString(), StringComparison.Ordinal);
        Assert.Empty((await Queue(_intake).PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task A_poison_queue_never_created_counts_zero()
    {
        await using var gateway = Gateway();
        var admin = await ClientAsync(gateway, "admin", "root", "wenshang");

        var report = await admin.GetFromJsonAsync<JsonObject>("/api/v1/intake/poison");
        var replay = await admin.PostAsync("/api/v1/intake/poison/replay", null);

        Assert.Equal(0, report!["count"]!.GetValue<int>());
        Assert.Empty(report["entries"]!.AsArray());
        Assert.Equal(0, (await replay.Content.ReadFromJsonAsync<JsonObject>())!["moved"]!.GetValue<int>());
    }

    // Three poison messages: one of Ximen, one of a community nobody configured, one that is not JSON.
    private async Task<(string XimenCase, string OtherCase)> FillPoisonAsync()
    {
        var poison = Queue(_poison);
        await poison.CreateIfNotExistsAsync();
        var ximenCase = "x" + Guid.NewGuid().ToString("N")[..15];
        var otherCase = "o" + Guid.NewGuid().ToString("N")[..15];
        await poison.SendMessageAsync(new IntakeMessage(IntakeMessage.CurrentVersion, [Submission(ximenCase, "ximen")]).ToJson());
        await poison.SendMessageAsync(new IntakeMessage(IntakeMessage.CurrentVersion, [Submission(otherCase, "atlantis")]).ToJson());
        await poison.SendMessageAsync("not json {");
        return (ximenCase, otherCase);
    }

    private static CaseSubmission Submission(string caseId, string communityId) =>
        new(caseId, communityId, CaseKind.Service, "heating", "暖气不热", new CaseLocation("huiqian-xinyuan", null, null),
            new ContactInfo("李福华", "13805371234"), null, DateTimeOffset.UtcNow);

    private QueueClient Queue(string name) => new QueueServiceClient(fixture.Azurite.ConnectionString).GetQueueClient(name);

    private WebApplicationFactory<Program> Gateway() =>
        fixture.Gateway(_intake).WithWebHostBuilder(web => web.UseSetting("Gateway:IntakePoisonQueueName", _poison));

    private async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> gateway, string role, string subject, string scope)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.TokenAsync(role, subject, scope));
        return client;
    }
}
