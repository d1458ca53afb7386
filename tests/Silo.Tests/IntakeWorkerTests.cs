using Azure.Storage.Queues;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Gongzhi.Silo.Intake;
using Gongzhi.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>The intake worker against a real Azurite queue and the test cluster's grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IntakeWorkerTests(ClusterFixture fixture) : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private QueueClient _intake = null!;
    private QueueClient _poison = null!;
    private IntakeWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var queues = new QueueServiceClient(_azurite.ConnectionString);
        var options = new IntakeOptions { RetryDelay = TimeSpan.Zero, VisibilityTimeout = TimeSpan.FromSeconds(30) };
        _intake = queues.GetQueueClient(options.QueueName);
        _poison = queues.GetQueueClient(options.PoisonQueueName);
        await _intake.CreateIfNotExistsAsync();
        await _poison.CreateIfNotExistsAsync();
        _worker = new IntakeWorker(queues, fixture.Client, Options.Create(options), fixture.Time, NullLogger<IntakeWorker>.Instance);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_batch_of_submissions_becomes_cases_and_the_messages_are_deleted()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submissions = Enumerable.Range(0, 5).Select(_ => fixture.Submission(community)).ToArray();
        foreach (var s in submissions)
        {
            await _intake.SendMessageAsync(new IntakeMessage(1, [s]).ToJson());
        }

        var taken = await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Equal(5, taken);
        foreach (var s in submissions)
        {
            Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())!.Status);
        }

        Assert.Equal(0, (await _intake.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_that_fails_five_times_moves_to_the_poison_queue_and_is_not_lost()
    {
        // No community of that id is configured, so the case grain's dispatch fails every time.
        var submission = fixture.Submission("nowhere-" + Guid.NewGuid().ToString("N")[..8]);
        var body = new IntakeMessage(1, [submission]).ToJson();
        await _intake.SendMessageAsync(body);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(1, await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None));
            Assert.Single((await _intake.PeekMessagesAsync()).Value);
            Assert.Empty((await _poison.PeekMessagesAsync()).Value);
        }

        Assert.Equal(1, await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None));

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        var poisoned = Assert.Single((await _poison.PeekMessagesAsync()).Value);
        Assert.Equal(body, poisoned.Body.ToString());
    }

    [Fact]
    public async Task A_message_that_is_not_json_is_retried_then_poisoned_too()
    {
        await _intake.SendMessageAsync("this is not a submission");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);
        }

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Equal("this is not a submission", Assert.Single((await _poison.PeekMessagesAsync()).Value).Body.ToString());
    }
}
