using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Gongzhi.Intake;
using Microsoft.AspNetCore.TestHost;
using Gongzhi.Gateway.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>Group commit: submissions that arrive together share queue messages; a failed send fails all of its submissions.</summary>
[Collection(GatewayCollection.Name)]
public sealed class IntakeBatchingTests(GatewayFixture fixture)
{
    private const int Burst = 60;

    [Fact]
    public async Task Concurrent_submissions_share_queue_messages_and_each_accepted_case_is_queued_exactly_once()
    {
        var queueName = "burst-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = fixture.Gateway(queueName);
        var client = gateway.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var accepted = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>()));
        var messages = await ReadAllAsync(new QueueServiceClient(fixture.Azurite.ConnectionString).GetQueueClient(IntakeMessage.BatchedQueueOf(queueName)));
        Assert.InRange(messages.Count, 1, Burst - 1);
        var queued = messages.SelectMany(m => IntakeMessage.Parse(m).Submissions.Select(s => s.CaseId));
        Assert.Equal(accepted.Order(StringComparer.Ordinal), queued.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Under_load_a_send_waits_out_the_interval_and_carries_everything_that_came_meanwhile()
    {
        var queueName = "interval-" + Guid.NewGuid().ToString("N")[..8];
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = fixture.Gateway(queueName).WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var client = gateway.CreateClient();
        var intake = gateway.Services.GetRequiredService<IntakeQueue>();
        var interval = gateway.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.IntakeSendInterval;

        // Nothing sent before: the first submission goes at once.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid())).StatusCode);

        // Right after it, the next ones wait for the interval to pass, together.
        var held = Enumerable.Range(0, 5).Select(_ => client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid())).ToArray();
        for (var tries = 0; intake.Waiting < held.Length; tries++)
        {
            Assert.True(tries < 500, $"only {intake.Waiting} of {held.Length} submissions reached the queue's wait");
            await Task.Delay(10);
        }

        Assert.DoesNotContain(held, h => h.IsCompleted);
        time.Advance(interval);
        Assert.All(await Task.WhenAll(held), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        // A submission coming an interval after the last send goes at once again.
        time.Advance(interval);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid())).StatusCode);

        var messages = await ReadAllAsync(new QueueServiceClient(fixture.Azurite.ConnectionString).GetQueueClient(IntakeMessage.BatchedQueueOf(queueName)));
        Assert.Equal([1, 1, 5], messages.Select(m => IntakeMessage.Parse(m).Submissions.Count).Order());
    }

    [Fact]
    public async Task When_storage_refuses_a_send_every_submission_in_it_gets_503_and_nothing_is_queued()
    {
        var queueName = "failing-" + Guid.NewGuid().ToString("N")[..8];
        var sends = new SwitchableSendFailure();
        var options = new QueueClientOptions();
        options.AddPolicy(sends, HttpPipelinePosition.PerCall);
        var queues = new QueueServiceClient(fixture.Azurite.ConnectionString, options);
        await using var gateway = fixture.Gateway(queueName).WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton(queues)));
        var client = gateway.CreateClient();
        var queue = queues.GetQueueClient(IntakeMessage.BatchedQueueOf(queueName));

        sends.Failing = true;
        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid())));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("nothing was recorded", body);
            Assert.Contains("\"code\":\"unavailable\"", body);
        }

        sends.Failing = false;
        Assert.Empty(await ReadAllAsync(queue));

        // The gateway is not left stuck: the next submission is accepted and queued.
        var next = await client.PostAsJsonAsync("/api/v1/cases", Submissions.Valid());
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        Assert.Single(await ReadAllAsync(queue));
    }

    // Takes every message (they stay hidden long after the test).
    private static async Task<List<string>> ReadAllAsync(QueueClient queue)
    {
        var bodies = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value;
            if (batch.Length == 0)
            {
                return bodies;
            }

            bodies.AddRange(batch.Select(m => m.Body.ToString()));
        }
    }

    /// <summary>Fails queue sends (POST) as storage would when down, while it is switched on.</summary>
    private sealed class SwitchableSendFailure : HttpPipelinePolicy
    {
        public volatile bool Failing;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfFailing(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfFailing(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void ThrowIfFailing(HttpMessage message)
        {
            if (Failing && message.Request.Method == RequestMethod.Post)
            {
                throw new RequestFailedException(503, "Queue sends are switched off by the test.");
            }
        }
    }
}
